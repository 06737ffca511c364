# Formularerne der ændrer en plan, og hvad de svarer.

action-lead = Ledende organisation
action-partners = Partnerorganisationer
action-lead-none = ikke angivet endnu
action-partners-none = ingen

report-form-title = Rapportér fremdrift
report-form-intro = Du rapporterer for { $party }{ $organisation ->
    [none] {""}
   *[other] {" "}som { $organisation }
}. Begge parter ser alle rapporter; offentligheden ser dem, når planen er i kraft.
report-form-date = Dato rapporten gælder
report-form-date-hint = Skrevet ÅÅÅÅ-MM-DD, for eksempel 2024-06-30.
report-form-status = Status
report-form-level = Hvor meget er gjort
report-form-narrative = Hvad skete der
report-form-narrative-hint = Med få sætninger: hvad blev gjort, hvad kommer nu, hvad står i vejen.
report-form-evidence = Link til dokumentation (valgfrit)
report-form-submit = Send rapport
report-form-sent = Din rapport er gemt.
report-form-bad-date = Datoen { $date } er ikke en kalenderdato skrevet ÅÅÅÅ-MM-DD.
report-form-bad-level = Vælg hvor meget der er gjort.
report-form-bad-status = Vælg en status.
