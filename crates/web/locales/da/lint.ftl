# Linterens fund. `X-title` er verdensmål X's korte titel.

lint-jp001 = Verdensmål { $goal } er "{ $goal-title }", men titlen ved siden af er "{ $written }"
lint-jp001-help = skriv Verdensmål { $goal } ({ $goal-title }) eller nummeret på det mål, der menes
lint-jp001-other = Verdensmål { $goal } er "{ $goal-title }", men titlen ved siden af, "{ $written }", er Verdensmål { $other }s
lint-jp001-other-help = skriv Verdensmål { $other } ({ $written }) eller Verdensmål { $goal } ({ $goal-title })
lint-jp002 = Verdensmål { $number } findes ikke: målene er nummereret 1 til 17
lint-jp002-help = skriv nummeret på det mål, der menes (1-17)
lint-jp002-help-title = den skrevne titel er Verdensmål { $goal }s: skriv Verdensmål { $goal }
lint-jp003 = Delmålet { $target } findes ikke
lint-jp003-help = Verdensmål { $goal } har delmålene { $targets }
lint-jp021 = "{ $phrase }" siger, at det gentages, men ikke hvor ofte
lint-jp021-help = angiv intervallet: "årligt", "to gange om året", "hvert andet år"
lint-jp030 = handling { $action } i indsatsområde { $line } er forbeholdt med { $hedges }
lint-jp030-help = hvis parterne mener at gøre det, så fjern forbeholdet; ellers behold det bevidst
lint-jp031 = indsatsområde { $line } ({ $title }): { $hedged } af { $actions } handlinger er forbeholdte ({ $share } %): { $codes }
lint-jp031-help = gør de forbeholdte handlinger, som parterne vil gennemføre, faste
lint-jp040 = handling { $action } nævner ingen ansvarlig organisation, intet resultat og ingen dato eller hyppighed
lint-jp040-help = sig hvem der gør hvad hvornår: den ledende myndighed, resultatet (en workshop, en aftale, et program) og en dato eller et interval
lint-jp050-same = handling { $action } er den samme som handling { $first }
lint-jp050-near = handling { $action } er næsten den samme som handling { $first } ({ $shared } % fælles ord)
lint-jp050-help = behold én af { $first } og { $action }, eller gør forskellen tydelig
lint-jp060 = "{ $agreement }" står som grundlag, men skal stadig bekræftes ({ $year }TBC)
lint-jp060-help = bekræft den før underskrift, eller flyt den til handlingerne ("Indgå et MoU om …")
lint-jp061 = "{ $agreement }" står der to gange{ $lines ->
    [none] {""}
   *[other] {" "}(under indsatsområde { $lines })
}
lint-jp061-help = nævn den én gang, under det indsatsområde den især støtter
lint-jp070 = indsatsområde { $line } ({ $title }) angiver intet verdensmål
lint-jp070-help = tilføj de mål, indsatsområdet tjener: "Initiativerne vil støtte fremme af Verdensmål n (Titel), …"
lint-jp071 = indsatsområde { $line } angiver Verdensmål { $goal } ({ $goal-title }), men ingen af dets handlinger tjener det
lint-jp071-help = tilføj en handling, der arbejder hen imod Verdensmål { $goal }, eller fjern det fra indsatsområde { $line }
lint-jp080 = målet "{ $target }" siger ikke, om { $measure } skal stige eller falde
lint-jp080-help = sig hvad der bevæger sig og fra hvad: "en reduktion på { $amount } i { $measure } … sammenlignet med <basisår>" eller "en stigning … til { $amount }"
lint-jp081 = målet "{ $target }" har intet årstal
lint-jp081-help = tilføj året, hvor det skal være nået: "… inden 2030"
