## 접근 규칙(core::access)의 거부 메시지, 메시지 ID별.

access-not-signed-in = 먼저 로그인하십시오. 계정이 없으면 공개된 내용만 읽을 수 있습니다.
access-disabled = { $name } 계정은 비활성화되었습니다.
access-operator-not-a-party = 운영자는 저장소를 관리하며 { $what } 수 없습니다. 당사국의 조정관이 합니다.
access-operator-only = 데이터베이스를 보유한 운영자만 { $what } 수 있습니다.
access-not-a-party = { $party }은(는) 이 계획의 당사국이 아닙니다.
access-outside-plan = { $name }은(는) { $party }을(를) 대리하며, { $party }은(는) 이 계획의 당사국이 아닙니다.
access-only-party = { $party }의 { $roles }만 { $party }을(를) 위해 { $what } 수 있습니다.
access-wrong-stage = 이 계획은 { $status } 상태이므로 { $what } 수 없습니다. 계획이 { $needed } 상태여야 합니다.
access-other-organisation = { $name }은(는) { $named }이(가) 아니라 { $own }을(를) 위해 보고합니다.
access-not-engaged = { $organisation }은(는) 이 조치의 { $party } 주관 기관도 협력 기관도 아니므로 { $name }은(는) 이에 대해 보고할 수 없습니다.
access-party-has-coordinator = { $party }에는 이미 조정관이 있습니다. { $party }의 조정관만 계정을 만들 수 있습니다.
access-first-coordinator-first = { $party }에는 아직 조정관이 없습니다. 운영자는 { $role }이(가) 아닌 첫 조정관을 만듭니다.
access-needs-party = 평가자만 양 당사국으로부터 독립적일 수 있습니다. { $role }에게는 당사국이 필요합니다.
access-own-credentials = { $name }만 { $name }의 비밀번호와 토큰을 변경할 수 있습니다.

access-what-save-plan = 새 계획을 저장할
access-what-save-in-force = 양 당사국의 채택 없이 발효 중인 계획을 저장할
access-what-edit-draft = 계획의 본문을 편집할
access-what-adopt = 계획을 승인할
access-what-propose-revision = 개정을 제안할
access-what-approve-revision = 개정을 승인할
access-what-set-leads = 주관 기관과 협력 기관을 지정할
access-what-restrict = 조치를 제한하거나 제한을 해제할
access-what-report-progress = 진행 상황을 보고할
access-what-log-meeting = 회의를 기록할
access-what-assess = 평가를 기록할
access-what-confirm-agreed = 합의된 결과를 확인할
access-what-record-target-value = 목표값을 기록할
access-what-create-account = 계정을 만들
access-what-manage-account = 계정을 변경하거나 비활성화할
access-what-create-independent = 독립 평가자를 만들거나 변경할
access-what-administer = 저장소를 관리할
access-what-read-audit = 감사 기록을 읽을

access-roles-coordinators = 조정관
access-roles-coordinators-or-reporters = 조정관 또는 보고자
access-roles-evaluators-or-coordinators = 평가자 또는 조정관

access-stage-a-draft = 초안
access-stage-in-force = 발효
access-stage-a-draft-or-in-force = 초안 또는 발효

access-status-draft = 초안
access-status-in-force = 발효
access-status-closed = 종료

access-role-coordinator = 조정관
access-role-reporter = 보고자
access-role-evaluator = 평가자
