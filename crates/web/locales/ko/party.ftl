# 각 당사자의 고유 내용: 주관 기관, 비공개, 회의, 채택, 감사 기록.

party-content-title = 우리 측 내용
party-leads-heading = { $party } 측 주관 기관 및 협력 기관
party-lead-none = 주관 기관 없음
party-leads-submit = 주관 기관 및 협력 기관 저장
party-restrict-title = 비공개
party-restrict-none = 이 조치를 비공개로 한 당사자가 없습니다. 일반에 공개됩니다.
party-restrict-by = { $parties } 측이 비공개로 함: 일반에 공개되지 않습니다.
party-restrict-hint = 비공개 조치는 일반에 공개되지 않으며, 양측은 계속 볼 수 있습니다.
party-restrict-submit = 일반에 비공개
party-restrict-lift = 우리 측 비공개 해제
party-leads-saved = 우리 측 주관 기관 및 협력 기관이 저장되었습니다.
party-restrict-saved = 우리 측 비공개 설정이 저장되었습니다.

meeting-form-title = 회의 기록
meeting-form-intro = { $party } 측을 주최 측으로 하여 기록합니다.
meeting-form-note = 메모: 결과 또는 열리지 않은 이유
meeting-form-submit = 회의 기록
meeting-form-bad-date = 날짜 { $date }은(는) YYYY-MM-DD 형식의 달력 날짜가 아닙니다.
meeting-form-bad-status = 회의가 개최, 예정, 연기 또는 취소되었는지 선택하십시오.
meeting-form-sent = 회의가 기록되었습니다.

adopt-title = 채택
adopt-approved = { $party } 측이 { $date }에 이 내용을 승인했습니다.
adopt-awaited = { $party } 측은 아직 이 내용을 승인하지 않았습니다.
adopt-hint = 양측이 같은 내용을 승인하면 계획이 발효됩니다.
adopt-submit = { $party } 측으로 이 초안 승인

organisation-engaged = 해당 측의 주관 또는 협력
organisation-leads-for = { $party } 측 주관
organisation-joins-for = { $party } 측 협력

audit-title = 감사 기록
audit-summary = { $count ->
    [one] 기록 1건, 최신순.
   *[other] 기록 { $count }건, 최신순.
}
audit-record = 번호
audit-when = 일시 (UTC)
audit-who = 누가
audit-what = 무엇을
audit-about = 대상
audit-detail = 세부 내용

# What an audit record did, by its action.
audit-act-plan-save = 계획 저장
audit-act-plan-version = 계획 새 버전
audit-act-plan-adopt = 초안 승인
audit-act-lead-set = 주관·협력 기관 지정
audit-act-action-restrict = 비공개 설정 또는 해제
audit-act-progress-report = 진행 상황 보고
audit-act-progress-import = 보고 일괄 가져오기
audit-act-meeting-add = 회의 기록
audit-act-revision-propose = 개정 제안
audit-act-revision-approve = 개정 승인
audit-act-evaluation-assess = 조치 평가
audit-act-evaluation-agree = 합의 결과 기록
audit-act-evaluation-confirm = 합의 결과 확인
audit-act-target-value = 목표값 기록
