## Refusals of the access rules (core::access), by message id.

access-not-signed-in = Sign in first: without an account you may only read what is published.
access-disabled = The account { $name } is disabled.
access-operator-not-a-party = The operator administers the store and does not { $what }; a party's coordinator does.
access-operator-only = Only the operator who holds the database may { $what }.
access-not-a-party = { $party } is not a party to this plan.
access-outside-plan = { $name } acts for { $party }, which is not a party to this plan.
access-only-party = Only { $party }'s { $roles } may { $what } for { $party }.
access-wrong-stage = To { $what }, the plan must be { $needed }; this one is { $status }.
access-other-organisation = { $name } reports for { $own }, not for { $named }.
access-not-engaged = { $organisation } is neither { $party }'s lead nor a partner of this action, so { $name } may not report on it.
access-party-has-coordinator = { $party } already has a coordinator; only { $party }'s coordinators create its accounts.
access-first-coordinator-first = { $party } has no coordinator yet; the operator creates its first coordinator, not a { $role }.
access-needs-party = Only an evaluator may be independent of both parties; a { $role } needs a party.
access-own-credentials = Only { $name } may change { $name }'s password and tokens.

access-what-save-plan = save a new plan
access-what-save-in-force = save a plan in force without both parties' adoption
access-what-edit-draft = edit the plan's text
access-what-adopt = approve the plan
access-what-propose-revision = propose a revision
access-what-approve-revision = approve a revision
access-what-set-leads = set the lead and partners
access-what-restrict = restrict an action or lift a restriction
access-what-report-progress = report progress
access-what-log-meeting = log a meeting
access-what-assess = record assessments
access-what-confirm-agreed = confirm an agreed result
access-what-record-target-value = record a target's value
access-what-create-account = create accounts
access-what-manage-account = change or disable accounts
access-what-create-independent = create or change an independent evaluator
access-what-administer = administer the store
access-what-read-audit = read the audit trail

access-roles-coordinators = coordinators
access-roles-coordinators-or-reporters = coordinators or reporters
access-roles-evaluators-or-coordinators = evaluators or coordinators

access-stage-a-draft = a draft
access-stage-in-force = in force
access-stage-a-draft-or-in-force = a draft or in force

access-status-draft = a draft
access-status-in-force = in force
access-status-closed = closed

access-role-coordinator = coordinator
access-role-reporter = reporter
access-role-evaluator = evaluator
