# jointplan web: English. Every string a person reads on the pages.
# The plan's own text (titles, actions, names) is shown as signed, never here.

## Frame
skip-to-content = Skip to the content
languages = Language
breadcrumbs = You are here
footer = jointplan keeps the joint action plans between the parties: their commitments, progress, meetings, revisions and evaluations.
footer-api = The data as JSON (OpenAPI)

## Portfolio
portfolio-title = Joint action plans
portfolio-lead = Every plan in force or closed, with each party's progress per line of effort.
portfolio-empty = No plan is published yet.
portfolio-showing = Plans { $first }–{ $last } of { $total }
portfolio-previous = Previous plans
portfolio-next = Next plans

## Plan
plan-parties = Parties
plan-partnership = Partnership
plan-period = Period
plan-status = Status
plan-actions = Actions
plan-no-period = not stated
plan-not-stated = not stated in the text
plan-signed = Signed
plan-signatories = Signatories
plan-no-signatories = not stated in the text
plan-version = Version
plan-version-of = version { $number } of { $date }
plan-registers = The plan's registers
plan-json = The plan as JSON
plan-progress = Progress per line and party
plan-lines = Lines of effort and their actions

status-draft = draft
status-in_force = in force
status-closed = closed

## Progress
progress-caption = Completion of { $plan }, per party
progress-line = Line of effort
progress-reported = { $reported } of { $actions } reported
progress-all-lines = All lines

level-not_started = not started
level-limited = limited
level-substantial = substantial
level-complete = complete
level-unreported = no report yet

report-status-on_track = on track
report-status-delayed = delayed
report-status-blocked = blocked
report-status-done = done
report-status-dropped = dropped

## SDG matrix
line-sdgs = Sustainable Development Goals
matrix-title = Lines of effort and the Sustainable Development Goals
matrix-caption = Goals each line declares (✓), and how many of its actions name each goal
matrix-empty = The plan names no Sustainable Development Goal.
matrix-declared = declared
matrix-actions = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
actions-count = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
sdg-unknown = Goal { $number } (no such goal)

## Mechanisms and meetings
mechanisms-title = Mechanisms and meetings
mechanisms-none = The plan sets up no recurring mechanism.
meetings-next = Next meetings
meetings-none-planned = No meeting is planned yet.
meetings-logged = Meetings logged
meetings-none = No meeting is logged yet.
meeting-date = Date
meeting-mechanism = Mechanism
meeting-place = Place
meeting-status = Status
meeting-outcomes = Outcomes
meeting-upcoming = upcoming
meeting-planned = planned
meeting-held = held
meeting-postponed = postponed
meeting-cancelled = cancelled
mechanism-recurrence = Meets
mechanism-actions = Actions that name it
mechanism-no-actions = none
every-years = { $count ->
    [one] every year
   *[other] every { $count } years
}
every-months = { $count ->
    [one] every month
   *[other] every { $count } months
}
every-weeks = { $count ->
    [one] every week
   *[other] every { $count } weeks
}
every-unspecified = at an interval the plan does not state
recurrence-or = or { $other }

## Findings
findings-title = What a careful reader would check
findings-count = { $count ->
    [0] The linter found nothing to check.
    [one] The linter found 1 thing to check.
   *[other] The linter found { $count } things to check.
}
findings-no-source = The signed text of this plan is not stored with it, so the findings show their place in the text but not the text around them.
finding-location = line { $line }, column { $column }
severity-error = error
severity-warning = warning
severity-info = note

## Action
action-title = Action { $code }
action-code = Code
action-text = Commitment
action-strength = Strength
action-line = Line of effort
action-track = Track
action-kind = Kind
action-sdgs = Sustainable Development Goals
action-no-sdgs = none named
action-organisations = Organisations named
action-no-organisations = none named
action-mechanisms = Mechanisms
strength-firm = firm
strength-hedged = hedged ({ $words })
kind-dialogue = dialogue
kind-knowledge-sharing = knowledge-sharing
kind-joint-event = joint event
kind-agreement = agreement
kind-research = research
kind-promotion = promotion
kind-support = support
kind-cooperation = cooperation
kind-other = other
reports-title = Reports from each party
reports-none = No report yet.
report-date = Date
report-level = Completion
report-status = Status
report-organisation = Reported by
report-narrative = What happened

## Parties
country-dk = Denmark
country-kr = Republic of Korea

## Registers
agreements-title = Agreements
agreements-summary = The plan rests on { $count } agreements; { $pending } still to be confirmed.
agreement-title = Agreement
agreement-kind = Kind
agreement-parties = Parties
agreement-years = Year
agreement-status = Status
agreement-lines = Lines
agreement-signed = signed
agreement-pending = to be confirmed
agreement-kind-mou = memorandum of understanding
agreement-kind-moc = memorandum of cooperation
agreement-kind-agreement = agreement
agreement-kind-joint-statement = joint statement
agreement-kind-action-plan = action plan
agreement-kind-other = other
organisations-title = Organisations
organisations-summary = { $count ->
    [one] The plan names 1 organisation.
   *[other] The plan names { $count } organisations.
}
organisations-other = International and other bodies
organisation-name = Name
organisation-acronyms = Acronyms
organisation-actions = Actions that name it

## Revisions
revisions-title = Revisions
versions-title = Versions
version-number = Version
version-date = Stored
version-by = By
version-hash = Content hash
revisions-proposals = Proposals and approvals
revisions-none = No revision has been proposed.
revision-heading = Revision { $id }
revision-proposed = Proposed on { $date } by { $who }, against version { $version }.
revision-reason = Why
revision-pending = not yet approved
revision-approved-by = approved by { $who }
diffs-title = Differences between versions
diffs-none = The plan has one version only.
diff-heading = From version { $old } to version { $new }
diff-added = added
diff-removed = removed
diff-changed = changed
change-title = New title: { $title }
change-line-title = Line { $line } is renamed: { $title }
change-action-text = Action { $code } is reworded: { $text }
change-add-action = New action in track { $track }: { $text }
change-remove-action = Action { $code } is removed
diff-moved = moved
diff-merged = merged
diff-split = split
change-add-line = New line: { $title }
change-add-track = New track in line { $line }: { $title }
change-track-title = Track { $track } is renamed: { $title }
change-move-action = Action { $code } moves to track { $track }
change-merge-actions = Actions { $codes } are merged: { $text }
change-split-action = Action { $code } is split: { $texts }
change-action-sdgs = Action { $code } serves SDG { $sdgs }

## Evaluations
evaluations-title = Evaluations
evaluations-lead = Each party rates each action from 1 (not achieved) to 5 (fully achieved); the parties' ratings stand side by side until they agree a result.
evaluations-none = No evaluation has been recorded yet.
evaluation-agreed = Agreed
evaluation-state = Standing
evaluation-waiting = waiting for { $parties }
evaluation-concurring = the parties concur
evaluation-disagreeing = the parties disagree (by { $spread })
evaluation-settled = settled
evaluation-disagreements = { $count ->
    [0] The parties disagree on no action.
    [one] The parties disagree on 1 action.
   *[other] The parties disagree on { $count } actions.
}

## Errors
error-not-found = Page not found
error-not-found-detail = There is no such page, or it is not published.
error-method = Not possible here
error-method-detail = This address does not accept that kind of request.
error-too-large = Too much at once
error-too-large-detail = The request is larger than the server accepts.
error-bad-request = The request could not be read
error-bad-request-detail = Please check the address and try again.
error-server = Something went wrong
error-server-detail = The server could not answer. The cause is logged; please try again later.
error-back = Go to the portfolio

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
date-month = { $month } { $year }

## Errors of signing in and of forms

error-unauthenticated = Sign in to continue
error-unauthenticated-detail = This needs an account: sign in with your name and password.
error-forbidden = Not allowed
error-forbidden-detail = Your account may not do this.
error-conflict = Not possible now
error-conflict-detail = The plan changed or is at another stage. Reload the page and try again.
error-invalid = Please check what you entered
error-invalid-detail = Some of what was sent does not fit the plan.
error-too-many = Too many attempts
error-too-many-detail = Too many failed sign-ins. Please wait a few minutes before you try again.
error-csrf-detail = This form has expired or did not come from this site. Reload the page and send it again.

## Signing in, the account

sign-in = Sign in
sign-out = Sign out
sign-in-title = Sign in
sign-in-intro = Sign in with the account your coordinator created for you. The public reads the plans in force without an account.
sign-in-name = Name
sign-in-password = Password
sign-in-failed = The name or the password is wrong.
signed-out = You are signed out.
account-title = Your account
account-role = Role
account-party = Party
account-organisation = Organisation
account-independent = independent of both parties
account-none = none
account-plans = Plans you work on
account-reportable = Actions you may report on
account-reportable-none = Your account reports on no action yet: its organisation leads or joins none for its party.
password-title = Change your password
password-current = Current password
password-new = New password (at least 8 characters)
password-repeat = New password again
password-mismatch = The two new passwords differ.
password-changed = Your password is changed. Every other session of yours has ended.
password-change = Change password
