## Afvisninger fra adgangsreglerne (core::access), efter meddelelses-id.

access-not-signed-in = Log ind først: uden en konto kan du kun læse det, der er offentliggjort.
access-disabled = Kontoen { $name } er deaktiveret.
access-operator-not-a-party = Driftsansvarlig administrerer databasen og må ikke { $what }; det gør en parts koordinator.
access-operator-only = Kun den driftsansvarlige, der har databasen, må { $what }.
access-not-a-party = { $party } er ikke part i denne plan.
access-outside-plan = { $name } handler for { $party }, som ikke er part i denne plan.
access-only-party = Kun { $party }s { $roles } må { $what } for { $party }.
access-wrong-stage = For at { $what } skal planen være { $needed }; denne er { $status }.
access-other-organisation = { $name } rapporterer for { $own }, ikke for { $named }.
access-not-engaged = { $organisation } er hverken { $party }s ansvarlige eller partner for denne indsats, så { $name } må ikke rapportere på den.
access-party-has-coordinator = { $party } har allerede en koordinator; kun { $party }s koordinatorer opretter partens konti.
access-first-coordinator-first = { $party } har endnu ingen koordinator; den driftsansvarlige opretter den første koordinator, ikke en { $role }.
access-needs-party = Kun en evaluator kan være uafhængig af begge parter; en { $role } skal høre til en part.
access-own-credentials = Kun { $name } må ændre { $name }s adgangskode og nøgler.

access-what-save-plan = gemme en ny plan
access-what-save-in-force = gemme en gældende plan uden begge parters vedtagelse
access-what-edit-draft = redigere planens tekst
access-what-adopt = godkende planen
access-what-propose-revision = foreslå en revision
access-what-approve-revision = godkende en revision
access-what-set-leads = angive ansvarlig og partnere
access-what-restrict = begrænse en indsats eller ophæve en begrænsning
access-what-report-progress = rapportere fremdrift
access-what-log-meeting = registrere et møde
access-what-assess = registrere vurderinger
access-what-confirm-agreed = bekræfte et fælles resultat
access-what-record-target-value = registrere et måls værdi
access-what-create-account = oprette konti
access-what-manage-account = ændre eller deaktivere konti
access-what-create-independent = oprette eller ændre en uafhængig evaluator
access-what-administer = administrere databasen
access-what-read-audit = læse revisionssporet

access-roles-coordinators = koordinatorer
access-roles-coordinators-or-reporters = koordinatorer eller rapportører
access-roles-evaluators-or-coordinators = evaluatorer eller koordinatorer

access-stage-a-draft = et udkast
access-stage-in-force = gældende
access-stage-a-draft-or-in-force = et udkast eller gældende

access-status-draft = et udkast
access-status-in-force = gældende
access-status-closed = afsluttet

access-role-coordinator = koordinator
access-role-reporter = rapportør
access-role-evaluator = evaluator
