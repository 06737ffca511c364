# 계획을 바꾸는 양식과 그 응답.

action-lead = 주관 기관
action-partners = 협력 기관
action-lead-none = 아직 지정되지 않음
action-partners-none = 없음

report-form-title = 진행 상황 보고
report-form-intro = { $party }{ $organisation ->
    [none] {""}
   *[other] {" "}({ $organisation })
}을(를) 대표하여 보고합니다. 양측은 모든 보고를 볼 수 있으며, 계획이 발효되면 일반 공개됩니다.
report-form-date = 보고 기준일
report-form-date-hint = YYYY-MM-DD 형식, 예: 2024-06-30.
report-form-status = 상태
report-form-level = 이행 정도
report-form-narrative = 진행 내용
report-form-narrative-hint = 무엇을 했는지, 다음 단계, 걸림돌을 몇 문장으로 적어 주십시오.
report-form-evidence = 증빙 링크 (선택)
report-form-submit = 보고 제출
report-form-sent = 보고가 저장되었습니다.
report-form-bad-date = { $date }은(는) YYYY-MM-DD 형식의 달력 날짜가 아닙니다.
report-form-bad-level = 이행 정도를 선택하십시오.
report-form-bad-status = 상태를 선택하십시오.
