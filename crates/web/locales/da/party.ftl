# Hver parts eget indhold: ansvarlige, begrænsninger, møder, vedtagelse, revisionssporet.

party-content-title = Din parts indhold
party-leads-heading = { $party }s ansvarlige og partnere
party-lead-none = Ingen ansvarlig
party-leads-submit = Gem ansvarlig og partnere
party-restrict-title = Begrænsning
party-restrict-none = Ingen part begrænser denne handling: offentligheden kan se den.
party-restrict-by = Begrænset af { $parties }: skjult for offentligheden.
party-restrict-hint = En begrænset handling er skjult for offentligheden; begge parter ser den stadig.
party-restrict-submit = Begræns for offentligheden
party-restrict-lift = Ophæv din parts begrænsning
party-leads-saved = Din parts ansvarlige og partnere er gemt.
party-restrict-saved = Din parts begrænsning er gemt.

meeting-form-title = Registrér et møde
meeting-form-intro = Du registrerer det med { $party } som vært.
meeting-form-note = Note: hvad kom der ud af det, eller hvorfor ikke
meeting-form-submit = Registrér møde
meeting-form-bad-date = Datoen { $date } er ikke en kalenderdato skrevet ÅÅÅÅ-MM-DD.
meeting-form-bad-status = Vælg om mødet blev holdt, er planlagt, udsat eller aflyst.
meeting-form-sent = Mødet er registreret.

adopt-title = Vedtagelse
adopt-approved = { $party } godkendte dette indhold den { $date }.
adopt-awaited = { $party } har endnu ikke godkendt dette indhold.
adopt-hint = Planen træder i kraft, når begge parter har godkendt det samme indhold.
adopt-submit = Godkend dette udkast for { $party }

organisation-engaged = Ansvarlig eller partner, for sin part
organisation-leads-for = ansvarlig for { $party }
organisation-joins-for = partner for { $party }

audit-title = Revisionsspor
audit-summary = { $count ->
    [one] Én registrering, nyeste først.
   *[other] { $count } registreringer, nyeste først.
}
audit-record = Nr.
audit-when = Hvornår (UTC)
audit-who = Hvem
audit-what = Hvad
audit-about = Om
audit-detail = Detaljer

# What an audit record did, by its action.
audit-act-plan-save = gemte planen
audit-act-plan-version = ny version af planen
audit-act-plan-adopt = godkendte udkastet
audit-act-lead-set = satte ledende organisation og partnere
audit-act-action-restrict = begrænsede eller ophævede
audit-act-progress-report = rapporterede fremdrift
audit-act-progress-import = importerede rapporter
audit-act-meeting-add = registrerede et møde
audit-act-revision-propose = foreslog en revision
audit-act-revision-approve = godkendte en revision
audit-act-evaluation-assess = vurderede en handling
audit-act-evaluation-agree = registrerede et fælles resultat
audit-act-evaluation-confirm = bekræftede et fælles resultat
audit-act-target-value = registrerede en målværdi
