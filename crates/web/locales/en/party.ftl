# Each party's own content: leads, restrictions, meetings, adoption, the audit trail.

party-content-title = Your party's content
party-leads-heading = { $party }'s lead and partners
party-lead-none = No lead
party-leads-submit = Save lead and partners
party-restrict-title = Restriction
party-restrict-none = No party restricts this action: the public sees it.
party-restrict-by = Restricted by { $parties }: hidden from the public.
party-restrict-hint = A restricted action is hidden from the public; both parties still see it.
party-restrict-submit = Restrict for the public
party-restrict-lift = Lift your party's restriction
party-leads-saved = Your party's lead and partners are saved.
party-restrict-saved = Your party's restriction is saved.

meeting-form-title = Log a meeting
meeting-form-intro = You log it with { $party } as host.
meeting-form-note = Note: what came out of it, or why not
meeting-form-submit = Log meeting
meeting-form-bad-date = The date { $date } is not a calendar date written YYYY-MM-DD.
meeting-form-bad-status = Choose whether the meeting was held, is planned, postponed or cancelled.
meeting-form-sent = The meeting is logged.

adopt-title = Adoption
adopt-approved = { $party } approved this content on { $date }.
adopt-awaited = { $party } has not yet approved this content.
adopt-hint = The plan comes into force once both parties have approved the same content.
adopt-submit = Approve this draft for { $party }

organisation-engaged = Leads or joins, for its party
organisation-leads-for = lead for { $party }
organisation-joins-for = partner for { $party }

audit-title = Audit trail
audit-summary = { $count ->
    [one] One record, newest first.
   *[other] { $count } records, newest first.
}
audit-record = No.
audit-when = When (UTC)
audit-who = Who
audit-what = What
audit-about = About
audit-detail = Detail

# What an audit record did, by its action.
audit-act-plan-save = saved the plan
audit-act-plan-version = a new version of the plan
audit-act-plan-adopt = approved the draft
audit-act-lead-set = set lead and partners
audit-act-action-restrict = restricted or lifted
audit-act-progress-report = reported progress
audit-act-progress-import = imported reports
audit-act-meeting-add = logged a meeting
audit-act-revision-propose = proposed a revision
audit-act-revision-approve = approved a revision
audit-act-evaluation-assess = assessed an action
audit-act-evaluation-agree = recorded an agreed result
audit-act-evaluation-confirm = confirmed an agreed result
audit-act-target-value = recorded a target value
