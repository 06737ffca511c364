# 린터의 발견 사항. `X-title`은 목표 X의 짧은 제목.

lint-jp001 = 지속가능발전목표 { $goal }은(는) "{ $goal-title }"이지만, 옆에 쓰인 제목은 "{ $written }"입니다
lint-jp001-help = 지속가능발전목표 { $goal }({ $goal-title }) 또는 의도한 목표의 번호를 쓰십시오
lint-jp001-other = 지속가능발전목표 { $goal }은(는) "{ $goal-title }"이지만, 옆에 쓰인 제목 "{ $written }"은(는) 지속가능발전목표 { $other }의 제목입니다
lint-jp001-other-help = 지속가능발전목표 { $other }({ $written }) 또는 지속가능발전목표 { $goal }({ $goal-title })로 쓰십시오
lint-jp002 = 지속가능발전목표 { $number }은(는) 없습니다: 목표는 1번부터 17번까지입니다
lint-jp002-help = 의도한 목표의 번호(1-17)를 쓰십시오
lint-jp002-help-title = 쓰인 제목은 지속가능발전목표 { $goal }의 것입니다: 지속가능발전목표 { $goal }로 쓰십시오
lint-jp003 = 세부목표 { $target }은(는) 없습니다
lint-jp003-help = 목표 { $goal }의 세부목표: { $targets }
lint-jp021 = "{ $phrase }"은(는) 반복된다고 하지만 얼마나 자주인지 말하지 않습니다
lint-jp021-help = 주기를 명시하십시오: "매년", "연 2회", "격년"
lint-jp030 = 분야 { $line }의 조치 { $action }은(는) { $hedges }(으)로 유보되어 있습니다
lint-jp030-help = 양측이 실행할 의도라면 유보 표현을 없애고, 아니라면 의식적으로 유지하십시오
lint-jp031 = 분야 { $line }({ $title }): 조치 { $actions }개 중 { $hedged }개가 유보되어 있습니다({ $share }%): { $codes }
lint-jp031-help = 양측이 실행할 유보된 조치를 확정하십시오
lint-jp040 = 조치 { $action }에는 담당 기관, 산출물, 날짜나 주기가 모두 없습니다
lint-jp040-help = 누가 무엇을 언제까지 하는지 쓰십시오: 주관 기관, 산출물(워크숍, 협정, 프로그램), 날짜 또는 주기
lint-jp050-same = 조치 { $action }은(는) 조치 { $first }와(과) 같습니다
lint-jp050-near = 조치 { $action }은(는) 조치 { $first }와(과) 거의 같습니다(단어 { $shared }% 공통)
lint-jp050-help = { $first }와(과) { $action } 중 하나만 두거나 차이를 분명히 하십시오
lint-jp060 = "{ $agreement }"은(는) 근거로 나열되어 있지만 아직 확인되지 않았습니다({ $year }TBC)
lint-jp060-help = 서명 전에 확인하거나 조치로 옮기십시오("…에 관한 MoU 체결")
lint-jp061 = "{ $agreement }"이(가) 두 번 나열되어 있습니다{ $lines ->
    [none] {""}
   *[other] {" "}(분야 { $lines })
}
lint-jp061-help = 주로 뒷받침하는 분야 아래에 한 번만 나열하십시오
lint-jp070 = 분야 { $line }({ $title })은(는) 지속가능발전목표를 밝히지 않습니다
lint-jp070-help = 분야가 기여하는 목표를 추가하십시오: "이 이니셔티브는 지속가능발전목표 n(제목)의 증진을 지원한다, …"
lint-jp071 = 분야 { $line }은(는) 지속가능발전목표 { $goal }({ $goal-title })을(를) 밝히지만, 그 조치 중 어느 것도 이에 기여하지 않습니다
lint-jp071-help = 지속가능발전목표 { $goal }에 기여하는 조치를 추가하거나 분야 { $line }에서 빼십시오
lint-jp080 = 목표 "{ $target }"은(는) { $measure }이(가) 늘어야 하는지 줄어야 하는지 말하지 않습니다
lint-jp080-help = 무엇이 무엇에서부터 움직이는지 쓰십시오: "<기준 연도> 대비 { $measure } { $amount } 감축" 또는 "… { $amount }까지 증가"
lint-jp081 = 목표 "{ $target }"에는 연도가 없습니다
lint-jp081-help = 달성 연도를 추가하십시오: "… 2030년까지"
