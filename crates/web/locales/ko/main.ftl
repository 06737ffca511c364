# jointplan 웹: 한국어. 페이지에서 사람이 읽는 모든 문구.
# 계획 자체의 문구(제목, 조치, 이름)는 서명된 그대로 표시합니다.

## 틀
skip-to-content = 본문으로 건너뛰기
languages = 언어
breadcrumbs = 현재 위치
footer = jointplan은 양측 간 공동 행동 계획의 약속, 진행 상황, 회의, 개정 및 평가를 관리합니다.
footer-api = JSON 데이터 (OpenAPI)

## 포트폴리오
portfolio-title = 공동 행동 계획
portfolio-lead = 시행 중이거나 종료된 모든 계획과 분야별 각 측의 진행 상황입니다.
portfolio-empty = 아직 공개된 계획이 없습니다.
portfolio-showing = 계획 { $total }개 중 { $first }–{ $last }
portfolio-previous = 이전 계획
portfolio-next = 다음 계획

## 계획
plan-parties = 당사자
plan-partnership = 동반자 관계
plan-period = 기간
plan-status = 상태
plan-actions = 조치
plan-no-period = 명시되지 않음
plan-not-stated = 본문에 명시되지 않음
plan-signed = 서명일
plan-signatories = 서명자
plan-no-signatories = 본문에 명시되지 않음
plan-version = 버전
plan-version-of = { $date } 버전 { $number }
plan-registers = 계획의 목록
plan-json = JSON 형식의 계획
plan-progress = 분야 및 당사자별 진행 상황
plan-lines = 협력 분야와 조치

status-draft = 초안
status-in_force = 시행 중
status-closed = 종료

## 진행 상황
progress-caption = 당사자별 { $plan } 이행률
progress-line = 협력 분야
progress-reported = { $actions }개 중 { $reported }개 보고됨
progress-all-lines = 전체 분야

level-not_started = 시작 전
level-limited = 제한적
level-substantial = 상당한 진전
level-complete = 완료
level-unreported = 아직 보고 없음

report-status-on_track = 정상 진행
report-status-delayed = 지연
report-status-blocked = 중단
report-status-done = 완료
report-status-dropped = 철회

## 지속가능발전목표
line-sdgs = 지속가능발전목표
matrix-title = 협력 분야와 지속가능발전목표
matrix-caption = 각 분야가 표명한 목표(✓)와 각 목표를 언급한 조치의 수
matrix-empty = 이 계획은 지속가능발전목표를 언급하지 않습니다.
matrix-declared = 표명됨
matrix-actions = 조치 { $count }개
actions-count = 조치 { $count }개
sdg-unknown = 목표 { $number } (존재하지 않는 목표)

## 협의체와 회의
mechanisms-title = 협의체와 회의
mechanisms-none = 이 계획은 정기 협의체를 두지 않습니다.
meetings-next = 예정된 회의
meetings-none-planned = 아직 예정된 회의가 없습니다.
meetings-logged = 기록된 회의
meetings-none = 아직 기록된 회의가 없습니다.
meeting-date = 날짜
meeting-mechanism = 협의체
meeting-place = 장소
meeting-status = 상태
meeting-outcomes = 결과
meeting-upcoming = 예정
meeting-planned = 계획됨
meeting-held = 개최됨
meeting-postponed = 연기됨
meeting-cancelled = 취소됨
mechanism-recurrence = 개최 주기
mechanism-actions = 이 협의체를 언급한 조치
mechanism-no-actions = 없음
every-years = { $count ->
    [one] 매년
   *[other] { $count }년마다
}
every-months = { $count ->
    [one] 매월
   *[other] { $count }개월마다
}
every-weeks = { $count ->
    [one] 매주
   *[other] { $count }주마다
}
every-unspecified = 계획에 명시되지 않은 주기로
recurrence-or = 또는 { $other }

## 검토 사항
findings-title = 꼼꼼한 검토자가 확인할 사항
findings-count = { $count ->
    [0] 린터가 확인할 사항을 찾지 못했습니다.
   *[other] 린터가 확인할 사항 { $count }건을 찾았습니다.
}
findings-no-source = 이 계획의 서명본 원문이 함께 저장되어 있지 않아, 검토 사항의 위치만 표시하고 주변 원문은 보여 주지 않습니다.
finding-location = { $line }행 { $column }열
severity-error = 오류
severity-warning = 경고
severity-info = 참고

## 조치
action-title = 조치 { $code }
action-code = 코드
action-text = 약속 내용
action-strength = 확정성
action-line = 협력 분야
action-track = 협력 경로
action-kind = 유형
action-sdgs = 지속가능발전목표
action-no-sdgs = 언급 없음
action-organisations = 언급된 기관
action-no-organisations = 언급 없음
action-mechanisms = 협의체
strength-firm = 확정
strength-hedged = 유보적 ({ $words })
kind-dialogue = 대화
kind-knowledge-sharing = 지식 공유
kind-joint-event = 공동 행사
kind-agreement = 협정
kind-research = 연구
kind-promotion = 촉진
kind-support = 지원
kind-cooperation = 협력
kind-other = 기타
reports-title = 각 당사자의 보고
reports-none = 아직 보고가 없습니다.
report-date = 날짜
report-level = 이행 수준
report-status = 상태
report-organisation = 보고 기관
report-narrative = 경과

## 당사자
country-dk = 덴마크
country-kr = 대한민국

## 목록
agreements-title = 협정
agreements-summary = 이 계획은 협정 { $count }건에 근거하며, 그중 { $pending }건은 아직 확인 전입니다.
agreement-title = 협정
agreement-kind = 유형
agreement-parties = 당사자
agreement-years = 연도
agreement-status = 상태
agreement-lines = 분야
agreement-signed = 서명됨
agreement-pending = 확인 예정
agreement-kind-mou = 양해각서(MoU)
agreement-kind-moc = 협력각서(MoC)
agreement-kind-agreement = 협정
agreement-kind-joint-statement = 공동성명
agreement-kind-action-plan = 행동 계획
agreement-kind-other = 기타
organisations-title = 기관
organisations-summary = 이 계획은 기관 { $count }곳을 언급합니다.
organisations-other = 국제기구 및 기타 기관
organisation-name = 이름
organisation-acronyms = 약칭
organisation-actions = 이 기관을 언급한 조치

## 개정
revisions-title = 개정
versions-title = 버전
version-number = 버전
version-date = 저장일
version-by = 저장자
version-hash = 내용 해시
revisions-proposals = 개정안과 승인
revisions-none = 제안된 개정안이 없습니다.
revision-heading = 개정안 { $id }
revision-proposed = { $date }에 { $who }이(가) 버전 { $version }에 대해 제안했습니다.
revision-reason = 사유
revision-pending = 아직 승인되지 않음
revision-approved-by = { $who } 승인
diffs-title = 버전 간 차이
diffs-none = 이 계획의 버전은 하나뿐입니다.
diff-heading = 버전 { $old }에서 버전 { $new }로
diff-added = 추가
diff-removed = 삭제
diff-changed = 변경
change-title = 새 제목: { $title }
change-line-title = 분야 { $line }의 새 이름: { $title }
change-action-text = 조치 { $code }의 새 문구: { $text }
change-add-action = 협력 경로 { $track }의 새 조치: { $text }
change-remove-action = 조치 { $code } 삭제
diff-moved = 이동됨
diff-merged = 병합됨
diff-split = 분할됨
change-add-line = 새 전략 분야: { $title }
change-add-track = 분야 { $line }의 새 협력 트랙: { $title }
change-track-title = 트랙 { $track }의 새 이름: { $title }
change-move-action = 조치 { $code }을(를) 트랙 { $track }(으)로 이동
change-merge-actions = 조치 { $codes } 병합: { $text }
change-split-action = 조치 { $code } 분할: { $texts }
change-action-sdgs = 조치 { $code }의 지속가능발전목표: { $sdgs }

## 평가
evaluations-title = 평가
evaluations-lead = 각 당사자는 각 조치를 1(달성하지 못함)부터 5(완전히 달성)까지 평가하며, 결과에 합의할 때까지 양측의 평가를 나란히 보여 줍니다.
evaluations-none = 아직 기록된 평가가 없습니다.
evaluation-agreed = 합의 결과
evaluation-state = 현황
evaluation-waiting = { $parties } 평가 대기 중
evaluation-concurring = 양측 평가 일치
evaluation-disagreeing = 양측 평가 불일치 (차이 { $spread })
evaluation-settled = 합의됨
evaluation-disagreements = { $count ->
    [0] 양측 평가가 엇갈린 조치가 없습니다.
   *[other] 양측 평가가 엇갈린 조치가 { $count }건 있습니다.
}

## 오류
error-not-found = 페이지를 찾을 수 없습니다
error-not-found-detail = 그런 페이지가 없거나 공개되지 않았습니다.
error-method = 여기서는 할 수 없습니다
error-method-detail = 이 주소는 그런 종류의 요청을 받지 않습니다.
error-too-large = 요청이 너무 큽니다
error-too-large-detail = 요청이 서버가 받을 수 있는 크기보다 큽니다.
error-bad-request = 요청을 읽을 수 없습니다
error-bad-request-detail = 주소를 확인하고 다시 시도해 주세요.
error-server = 문제가 발생했습니다
error-server-detail = 서버가 응답하지 못했습니다. 원인은 기록되었으니 잠시 후 다시 시도해 주세요.
error-back = 포트폴리오로 가기

## 날짜
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
date-long = { $year }년 { $monthnum }월 { $day }일
date-month = { $year }년 { $monthnum }월

## 로그인과 양식의 오류

error-unauthenticated = 계속하려면 로그인하십시오
error-unauthenticated-detail = 계정이 필요합니다. 이름과 비밀번호로 로그인하십시오.
error-forbidden = 허용되지 않음
error-forbidden-detail = 이 계정으로는 이 작업을 할 수 없습니다.
error-conflict = 지금은 할 수 없음
error-conflict-detail = 계획이 변경되었거나 다른 단계에 있습니다. 페이지를 새로 고친 후 다시 시도하십시오.
error-invalid = 입력한 내용을 확인하십시오
error-invalid-detail = 보낸 내용 중 일부가 계획에 맞지 않습니다.
error-too-many = 시도 횟수 초과
error-too-many-detail = 로그인 실패가 너무 많습니다. 몇 분 후에 다시 시도하십시오.
error-csrf-detail = 이 양식은 만료되었거나 이 사이트에서 온 것이 아닙니다. 페이지를 새로 고친 후 다시 보내십시오.

## 로그인, 계정

sign-in = 로그인
sign-out = 로그아웃
sign-in-title = 로그인
sign-in-intro = 조정관이 만들어 준 계정으로 로그인하십시오. 일반 시민은 계정 없이 발효 중인 계획을 읽을 수 있습니다.
sign-in-name = 이름
sign-in-password = 비밀번호
sign-in-failed = 이름 또는 비밀번호가 올바르지 않습니다.
signed-out = 로그아웃되었습니다.
account-title = 내 계정
account-role = 역할
account-party = 당사국
account-organisation = 기관
account-independent = 양 당사국으로부터 독립
account-none = 없음
account-plans = 참여하는 계획
account-reportable = 보고할 수 있는 조치
account-reportable-none = 이 계정은 아직 보고할 조치가 없습니다. 소속 기관이 해당 당사국의 어떤 조치도 주관하거나 협력하지 않습니다.
password-title = 비밀번호 변경
password-current = 현재 비밀번호
password-new = 새 비밀번호(8자 이상)
password-repeat = 새 비밀번호 확인
password-mismatch = 두 새 비밀번호가 다릅니다.
password-changed = 비밀번호가 변경되었습니다. 다른 모든 세션이 종료되었습니다.
password-change = 비밀번호 변경
