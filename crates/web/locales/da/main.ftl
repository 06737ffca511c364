# jointplan web: dansk. Hver tekst en person læser på siderne.
# Planens egen tekst (titler, handlinger, navne) vises som underskrevet.

## Ramme
skip-to-content = Gå til indholdet
languages = Sprog
breadcrumbs = Du er her
footer = jointplan holder styr på de fælles handlingsplaner mellem parterne: deres tilsagn, fremdrift, møder, revisioner og evalueringer.
footer-api = Data som JSON (OpenAPI)

## Portefølje
portfolio-title = Fælles handlingsplaner
portfolio-lead = Alle planer, der er i kraft eller afsluttet, med hver parts fremdrift pr. indsatsområde.
portfolio-empty = Der er endnu ingen offentliggjort plan.
portfolio-showing = Planer { $first }–{ $last } af { $total }
portfolio-previous = Forrige planer
portfolio-next = Næste planer

## Plan
plan-parties = Parter
plan-partnership = Partnerskab
plan-period = Periode
plan-status = Status
plan-actions = Handlinger
plan-no-period = ikke angivet
plan-not-stated = ikke angivet i teksten
plan-signed = Underskrevet
plan-signatories = Underskrivere
plan-no-signatories = ikke angivet i teksten
plan-version = Version
plan-version-of = version { $number } af { $date }
plan-registers = Planens registre
plan-json = Planen som JSON
plan-progress = Fremdrift pr. indsatsområde og part
plan-lines = Indsatsområder og deres handlinger

status-draft = udkast
status-in_force = i kraft
status-closed = afsluttet

## Fremdrift
progress-caption = Gennemførelse af { $plan } pr. part
progress-line = Indsatsområde
progress-reported = { $reported } af { $actions } rapporteret
progress-all-lines = Alle indsatsområder

level-not_started = ikke påbegyndt
level-limited = begrænset
level-substantial = betydelig
level-complete = gennemført
level-unreported = ingen rapport endnu

report-status-on_track = efter planen
report-status-delayed = forsinket
report-status-blocked = blokeret
report-status-done = færdig
report-status-dropped = opgivet

## Verdensmål
line-sdgs = Verdensmål
matrix-title = Indsatsområder og verdensmålene
matrix-caption = De mål hvert indsatsområde erklærer (✓), og hvor mange af dets handlinger der nævner hvert mål
matrix-empty = Planen nævner ingen verdensmål.
matrix-declared = erklæret
matrix-actions = { $count ->
    [one] 1 handling
   *[other] { $count } handlinger
}
actions-count = { $count ->
    [one] 1 handling
   *[other] { $count } handlinger
}
sdg-unknown = Mål { $number } (findes ikke)

## Mekanismer og møder
mechanisms-title = Mekanismer og møder
mechanisms-none = Planen opretter ingen tilbagevendende mekanisme.
meetings-next = Kommende møder
meetings-none-planned = Der er endnu ikke planlagt noget møde.
meetings-logged = Registrerede møder
meetings-none = Der er endnu ikke registreret noget møde.
meeting-date = Dato
meeting-mechanism = Mekanisme
meeting-place = Sted
meeting-status = Status
meeting-outcomes = Resultater
meeting-upcoming = kommende
meeting-planned = planlagt
meeting-held = afholdt
meeting-postponed = udsat
meeting-cancelled = aflyst
mechanism-recurrence = Mødes
mechanism-actions = Handlinger der nævner den
mechanism-no-actions = ingen
every-years = { $count ->
    [one] hvert år
   *[other] hvert { $count }. år
}
every-months = { $count ->
    [one] hver måned
   *[other] hver { $count }. måned
}
every-weeks = { $count ->
    [one] hver uge
   *[other] hver { $count }. uge
}
every-unspecified = med et interval planen ikke angiver
recurrence-or = eller { $other }

## Fund
findings-title = Hvad en omhyggelig læser ville tjekke
findings-count = { $count ->
    [0] Linteren fandt intet at tjekke.
    [one] Linteren fandt 1 ting at tjekke.
   *[other] Linteren fandt { $count } ting at tjekke.
}
findings-no-source = Planens underskrevne tekst er ikke gemt sammen med den, så fundene viser deres plads i teksten, men ikke teksten omkring dem.
finding-location = linje { $line }, kolonne { $column }
severity-error = fejl
severity-warning = advarsel
severity-info = bemærkning

## Handling
action-title = Handling { $code }
action-code = Kode
action-text = Tilsagn
action-strength = Styrke
action-line = Indsatsområde
action-track = Spor
action-kind = Art
action-sdgs = Verdensmål
action-no-sdgs = ingen nævnt
action-organisations = Nævnte organisationer
action-no-organisations = ingen nævnt
action-mechanisms = Mekanismer
strength-firm = fast
strength-hedged = forbeholden ({ $words })
kind-dialogue = dialog
kind-knowledge-sharing = videndeling
kind-joint-event = fælles arrangement
kind-agreement = aftale
kind-research = forskning
kind-promotion = fremme
kind-support = støtte
kind-cooperation = samarbejde
kind-other = andet
reports-title = Rapporter fra hver part
reports-none = Ingen rapport endnu.
report-date = Dato
report-level = Gennemførelse
report-status = Status
report-organisation = Rapporteret af
report-narrative = Hvad skete der

## Parter
country-dk = Danmark
country-kr = Republikken Korea

## Registre
agreements-title = Aftaler
agreements-summary = Planen hviler på { $count } aftaler; { $pending } mangler stadig at blive bekræftet.
agreement-title = Aftale
agreement-kind = Art
agreement-parties = Parter
agreement-years = År
agreement-status = Status
agreement-lines = Indsatsområder
agreement-signed = underskrevet
agreement-pending = afventer bekræftelse
agreement-kind-mou = aftalememorandum (MoU)
agreement-kind-moc = samarbejdsmemorandum (MoC)
agreement-kind-agreement = aftale
agreement-kind-joint-statement = fælleserklæring
agreement-kind-action-plan = handlingsplan
agreement-kind-other = andet
organisations-title = Organisationer
organisations-summary = { $count ->
    [one] Planen nævner 1 organisation.
   *[other] Planen nævner { $count } organisationer.
}
organisations-other = Internationale og andre organer
organisation-name = Navn
organisation-acronyms = Forkortelser
organisation-actions = Handlinger der nævner den

## Revisioner
revisions-title = Revisioner
versions-title = Versioner
version-number = Version
version-date = Gemt
version-by = Af
version-hash = Indholdets hash
revisions-proposals = Forslag og godkendelser
revisions-none = Der er ikke foreslået nogen revision.
revision-heading = Revision { $id }
revision-proposed = Foreslået den { $date } af { $who } til version { $version }.
revision-reason = Hvorfor
revision-pending = endnu ikke godkendt
revision-approved-by = godkendt af { $who }
diffs-title = Forskelle mellem versioner
diffs-none = Planen har kun én version.
diff-heading = Fra version { $old } til version { $new }
diff-added = tilføjet
diff-removed = fjernet
diff-changed = ændret
change-title = Ny titel: { $title }
change-line-title = Indsatsområde { $line } får nyt navn: { $title }
change-action-text = Handling { $code } omformuleres: { $text }
change-add-action = Ny handling i spor { $track }: { $text }
change-remove-action = Handling { $code } fjernes
diff-moved = flyttet
diff-merged = slået sammen
diff-split = delt
change-add-line = Ny indsatslinje: { $title }
change-add-track = Nyt spor i linje { $line }: { $title }
change-track-title = Spor { $track } får nyt navn: { $title }
change-move-action = Handling { $code } flyttes til spor { $track }
change-merge-actions = Handlingerne { $codes } slås sammen: { $text }
change-split-action = Handling { $code } deles: { $texts }
change-action-sdgs = Handling { $code } tjener verdensmål { $sdgs }

## Evalueringer
evaluations-title = Evalueringer
evaluations-lead = Hver part vurderer hver handling fra 1 (ikke opnået) til 5 (fuldt opnået); parternes vurderinger står side om side, indtil de enes om et resultat.
evaluations-none = Der er endnu ikke registreret nogen evaluering.
evaluation-agreed = Aftalt
evaluation-state = Stade
evaluation-waiting = afventer { $parties }
evaluation-concurring = parterne er enige
evaluation-disagreeing = parterne er uenige (med { $spread })
evaluation-settled = afgjort
evaluation-disagreements = { $count ->
    [0] Parterne er uenige om ingen handlinger.
    [one] Parterne er uenige om 1 handling.
   *[other] Parterne er uenige om { $count } handlinger.
}

## Fejl
error-not-found = Siden findes ikke
error-not-found-detail = Der er ingen sådan side, eller den er ikke offentliggjort.
error-method = Ikke muligt her
error-method-detail = Denne adresse tager ikke imod den slags forespørgsler.
error-too-large = For meget på én gang
error-too-large-detail = Forespørgslen er større, end serveren tager imod.
error-bad-request = Forespørgslen kunne ikke læses
error-bad-request-detail = Tjek adressen, og prøv igen.
error-server = Noget gik galt
error-server-detail = Serveren kunne ikke svare. Årsagen er logget; prøv igen senere.
error-back = Gå til porteføljen

## Datoer
month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date-long = { $day }. { $month } { $year }
date-month = { $month } { $year }

## Fejl ved login og formularer

error-unauthenticated = Log ind for at fortsætte
error-unauthenticated-detail = Det kræver en konto: log ind med dit navn og din adgangskode.
error-forbidden = Ikke tilladt
error-forbidden-detail = Din konto må ikke gøre dette.
error-conflict = Ikke muligt nu
error-conflict-detail = Planen er ændret eller på et andet stadie. Genindlæs siden, og prøv igen.
error-invalid = Kontrollér det, du har indtastet
error-invalid-detail = Noget af det sendte passer ikke til planen.
error-too-many = For mange forsøg
error-too-many-detail = For mange mislykkede logins. Vent nogle minutter, før du prøver igen.
error-csrf-detail = Formularen er udløbet eller kom ikke fra dette websted. Genindlæs siden, og send den igen.

## Login, kontoen

sign-in = Log ind
sign-out = Log ud
sign-in-title = Log ind
sign-in-intro = Log ind med den konto, din koordinator har oprettet til dig. Offentligheden kan læse de gældende planer uden konto.
sign-in-name = Navn
sign-in-password = Adgangskode
sign-in-failed = Navnet eller adgangskoden er forkert.
signed-out = Du er logget ud.
account-title = Din konto
account-role = Rolle
account-party = Part
account-organisation = Organisation
account-independent = uafhængig af begge parter
account-none = ingen
account-plans = Planer, du arbejder med
account-reportable = Indsatser, du kan rapportere på
account-reportable-none = Din konto rapporterer endnu ikke på nogen indsats: dens organisation er hverken ansvarlig eller partner for nogen indsats for sin part.
password-title = Skift din adgangskode
password-current = Nuværende adgangskode
password-new = Ny adgangskode (mindst 8 tegn)
password-repeat = Ny adgangskode igen
password-mismatch = De to nye adgangskoder er forskellige.
password-changed = Din adgangskode er ændret. Alle dine andre sessioner er afsluttet.
password-change = Skift adgangskode
