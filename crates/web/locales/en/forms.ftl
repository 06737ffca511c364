# The forms that change a plan, and what they say back.

action-lead = Lead organisation
action-partners = Partner organisations
action-lead-none = not set yet
action-partners-none = none

report-form-title = Report progress
report-form-intro = You report for { $party }{ $organisation ->
    [none] {""}
   *[other] {" "}as { $organisation }
}. Both parties see every report; the public sees them once the plan is in force.
report-form-date = Date the report speaks for
report-form-date-hint = Written YYYY-MM-DD, for example 2024-06-30.
report-form-status = Status
report-form-level = How much is done
report-form-narrative = What happened
report-form-narrative-hint = In a few sentences: what was done, what comes next, what stands in the way.
report-form-evidence = Link to evidence (optional)
report-form-submit = Send report
report-form-sent = Your report is saved.
report-form-bad-date = The date { $date } is not a calendar date written YYYY-MM-DD.
report-form-bad-level = Choose how much is done.
report-form-bad-status = Choose a status.
