# Les personnes et leurs fonctions.
nav-people = Personnes
people-title = Personnes
people-lede = Les personnes et les fonctions qu’elles occupent, avec leur organe. Cherchez une personne par une partie de son nom, avec ou sans diacritiques.
people-search = Nom
people-search-placeholder = p. ex. nguyen van
people-empty = Personne de ce nom.
people-caption = Personnes
people-col-name = Nom
people-col-positions = Fonctions actuelles
people-no-position = Aucune fonction enregistrée actuellement
people-more = { $shown } personnes affichées sur { $total } : tapez davantage du nom pour restreindre la liste.
people-add-title = Ajouter une personne
people-add-lede = Écrivez le nom comme les documents l’écrivent ; une première fonction peut être donnée ici, les autres sur la page de la personne.
people-name = Nom complet
people-name-hint = En entier, avec ses diacritiques, p. ex. Nguyễn Văn Thông.
people-first-position = Fonction (facultative)
people-position-title = Fonction
people-position-title-hint = Comme les documents l’écrivent, en vietnamien, p. ex. Phó Chủ tịch UBND tỉnh.
people-position-title-en = Fonction en anglais (facultatif)
people-position-title-fr = Fonction en français (facultatif)
people-position-unit = Organe
people-position-unit-hint = Tapez une partie de son nom, avec ou sans diacritiques, p. ex. so cong thuong nghe an.
people-position-from = Du
people-position-to = Au
people-position-to-hint = Le dernier jour dans la fonction, pour y mettre fin, p. ex. 31/12/2026.
people-date-hint = Jour/mois/année, p. ex. 20/12/2026.
people-add-submit = Ajouter la personne
person-positions-title = Fonctions au fil du temps
person-positions-empty = Aucune fonction enregistrée.
person-position-current = En cours
person-position-ended = Terminée
person-edit-title = Corriger ou terminer cette fonction
person-edit-lede = Chaque correction est gardée comme une nouvelle version, avec son auteur, sa date et sa raison.
person-sessions-title = Séances de travail suivies
person-sessions-empty = Aucune séance de travail enregistrée.
person-add-position = Ajouter une fonction
person-add-position-submit = Ajouter la fonction
not-found-person = Il n’y a pas de personne numéro { $key }.
not-found-position = Il n’y a pas de fonction numéro { $key }.
change-field-post = Fonction
change-field-post_translated = Fonction en anglais et en français
change-field-post_unit = Organe
change-field-starts = Du
change-field-ends = Au
audit-action-position-revision = Fonction corrigée ou terminée
audit-action-position-revise = Fonction corrigée ou terminée
# Lecture des rapports : un chiffre qui remplacerait un chiffre déjà enregistré.
intake-replaces = Déjà enregistré pour { $unit } · { $period } : { $value } ({ $kind }). Accepter ce chiffre le remplace comme valeur courante (l’ancien reste conservé). Vérifiez-le, puis appuyez sur « Remplacer le chiffre enregistré ».
intake-replace-button = Remplacer le chiffre enregistré
# Lecture des rapports : l’unité de mesure du chiffre diffère de celle de l’indicateur.
intake-unit-mismatch = Le rapport donne ce chiffre en { $read }, mais « { $indicator } » se mesure en { $measure }. Il n’a pas été enregistré : convertissez la valeur en { $measure }, cochez la case pour le confirmer, puis envoyez-le de nouveau.
intake-converted = J’ai converti la valeur en { $measure }
# L’unité de mesure d’un chiffre lu, dans les mots du lecteur.
intake-unit-word = { $unit ->
    [VND] VND
    [USD] dollars US
    [EUR] euros
    [percent] pour cent (%)
    [t] tonnes
    [quintal] quintaux
    [ha] hectares
    [km] kilomètres
    [enterprise] entreprises
    [worker] travailleurs
    [household] ménages
    [visitor] visiteurs
    [project] projets
    [cooperative] coopératives
    [establishment] établissements
    [room] chambres
   *[count] unités comptées
}
# Après « millions » : « de VND », « d’euros ».
intake-unit-of = { $unit ->
    [EUR] d’euros
    [ha] d’hectares
    [enterprise] d’entreprises
    [establishment] d’établissements
   *[other] de { $word }
}
intake-read-measure = { $scale ->
    [thousand] milliers { $of }
    [million] millions { $of }
    [billion] milliards { $of }
    [trillion] billions { $of }
    [other] { $word } (× { $factor })
   *[one] { $word }
}
