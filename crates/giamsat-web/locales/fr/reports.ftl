## Reports written from data: a review of localities, a unit's periodic report and a working
## session's notice of conclusions, laid out as administrative documents (Decree 30/2020/NĐ-CP).

report-national-title = RÉPUBLIQUE SOCIALISTE DU VIÊT NAM
report-motto = Indépendance - Liberté - Bonheur
report-number = N° :      /{ $symbol }
report-place-date = { $place }, le { $day } { $month_name } { $year }
report-capital = Hanoï
report-kind-report = RAPPORT
report-kind-notice = AVIS
report-symbol-report = BC
report-symbol-notice = TB
report-recipients = Destinataires :
report-recipient = - { $name } ;
report-archive = - Archives : secrétariat.
report-list = { $head } et { $last }
report-download = Télécharger au format Word (DOCX)
report-print-hint = Utilisez la commande Imprimer du navigateur pour l’imprimer sur papier A4.
report-period = Période
report-show = Afficher
report-card = { $unit } { $met }/{ $set }
report-growth = { $unit } ({ $percent })
report-share = { $percent }

review-title = Bilan des localités
review-link = Bilan des localités (impression, Word)
review-subject = Réalisation des objectifs du plan des localités, { $period }
review-heading-targets = I. RÉALISATION DES OBJECTIFS DU PLAN
review-scored = { $count ->
    [0] Aucune localité n’a de résultats sur ses objectifs pour { $period }.
    [one] Une localité a des résultats sur ses objectifs pour { $period }.
   *[other] { $count } localités ont des résultats sur leurs objectifs pour { $period }.
}
review-all-met = { $count ->
    [0] Aucune localité n’a atteint ou dépassé tous ses objectifs.
    [one] Une localité a atteint ou dépassé tous ses objectifs : { $list }.
   *[other] { $count } localités ont atteint ou dépassé tous leurs objectifs : { $list }.
}
review-most-met = { $count ->
    [one] Une localité a atteint la plupart de ses objectifs ({ $share } ou plus) : { $list }.
   *[other] { $count } localités ont atteint la plupart de leurs objectifs ({ $share } ou plus) : { $list }.
}
review-fewer-met = { $count ->
    [one] Une localité a atteint ses objectifs dans une moindre mesure : { $list }.
   *[other] { $count } localités ont atteint leurs objectifs dans une moindre mesure : { $list }.
}
review-missed = Au total, { $count } localités sur { $total } n’ont pas atteint tous les objectifs du plan.
review-heading-growth = II. CROISSANCE ÉCONOMIQUE
review-growth-counted = { $count ->
    [one] Une localité a un chiffre de { $indicator } pour { $period }.
   *[other] { $count } localités ont un chiffre de { $indicator } pour { $period }.
}
review-double-digit = { $count ->
    [0] Aucune localité n’a eu un { $indicator } à deux chiffres.
    [one] Une localité a eu un { $indicator } à deux chiffres : { $list }.
   *[other] { $count } localités ont eu un { $indicator } à deux chiffres, en tête { $list }.
}
review-negative = { $count ->
    [0] Aucune localité n’a eu de croissance négative.
    [one] Une localité a eu une croissance négative : { $list }.
   *[other] { $count } localités ont eu une croissance négative : { $list }.
}
review-missed-growth = { $count ->
    [one] Une localité a eu un { $indicator } faible, en deçà de son plan : { $list }.
   *[other] { $count } localités ont eu un { $indicator } faible, en deçà de leur plan : { $list }.
}

unit-report-title = Rapport sur les objectifs : { $unit }
unit-report-link = Rapport sur les objectifs (impression, Word)
unit-report-subject = Réalisation des objectifs de { $unit }, { $period }
unit-report-intro = { $unit } rend compte de la réalisation de ses objectifs pour { $period } :
unit-report-heading-figures = I. RÉSULTATS
unit-report-figure = { $indicator } ({ $span }) : { $value } { $measure }{ $kind ->
        [estimate] {" "}(estimation)
        [preliminary] {" "}(provisoire)
       *[official] {""}
    }{ $change ->
        [up] , en hausse de { $change_abs } sur la même période
        [down] , en baisse de { $change_abs } sur la même période
        [flat] , stable sur la même période
       *[none] {""}
    }{ $plan ->
        [yes] , soit { $percent } du plan
       *[no] {""}
    }.
unit-report-heading-assessment = II. ÉVALUATION
unit-report-on-track = { $count ->
    [0] Aucun objectif ne suit le rythme du plan.
    [one] Un objectif suit ou devance le rythme du plan : { $list }.
   *[other] { $count } objectifs suivent ou devancent le rythme du plan : { $list }.
}
unit-report-behind = { $count ->
    [0] Aucun objectif n’est en retard sur le rythme du plan.
    [one] Un objectif est en retard sur le rythme du plan : { $list }.
   *[other] { $count } objectifs sont en retard sur le rythme du plan : { $list }.
}
unit-report-no-data = { $count ->
    [one] Un objectif n’a pas encore de chiffre : { $list }.
   *[other] { $count } objectifs n’ont pas encore de chiffre : { $list }.
}
unit-report-none = Aucun chiffre pour { $period } pour l’instant.

notice-title = Avis de conclusion d’une séance de travail
notice-link = Avis de conclusion (impression, Word)
notice-subject = Conclusions de la séance de travail avec { $unit }
notice-opening = Le { $date }, { $body }{ $chair ->
        [none] {""}
       *[other] , sous la présidence du camarade { $chair },
    } a tenu une séance de travail avec { $unit }{ $documents ->
        [none] {""}
       *[other] {" "}sur la mise en œuvre de { $documents }
    }.
notice-members = Membres de la délégation : { $list }.
notice-member = camarade { $name }, { $role }
notice-attendees = Participants : { $list }.
notice-attendee = camarade { $name }{ $position ->
        [none] {""}
       *[other] , { $position }
    }
notice-heading-findings = I. SITUATION ET RÉSULTATS
notice-report = Rapport de l’unité : { $text }
notice-achievements = Résultats obtenus : { $text }
notice-limitations = Limites : { $text }
notice-causes = Causes : { $text }
notice-heading-conclusions = II. CONCLUSIONS ET TÂCHES
notice-conclusions-intro = { $count ->
    [0] Aucune conclusion de la séance n’est enregistrée.
    [one] En conclusion, { $chair ->
        [none] { $body }
       *[other] le camarade { $chair }
    } a demandé à { $unit } de réaliser le point suivant :
   *[other] En conclusion, { $chair ->
        [none] { $body }
       *[other] le camarade { $chair }
    } a demandé à { $unit } de réaliser les { $count } points suivants :
}
notice-item = { $number }. { $text }
notice-task = Pilote : { $lead }{ $co_owners ->
        [none] {""}
       *[other] ; avec : { $co_owners }
    } ; échéance : { $due ->
        [none] non fixée
       *[other] { $due }
    } ; état : { $status }.
notice-no-task = Ce point n’a pas encore été confié comme tâche.
notice-closing = { $body } publie cet avis à l’intention de { $unit } et des organismes concernés, pour information et exécution.
