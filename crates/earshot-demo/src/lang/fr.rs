//! French: "vous", brand voice ("nous") for apologies so that no adjective has to agree with
//! the agent's or the customer's gender.

use super::{Bank, Lang};

pub(crate) static BANK: Bank = Bank {
    lang: Lang::Fr,
    sep: " ",
    weekdays: [
        "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    ],

    greet_chat: &[
        "Bonjour {cust}, merci d'avoir contacté {brand} ! Je m'appelle {agent}.",
        "Bonjour {cust}, ici {agent} du service client {brand}.",
        "Bonjour {cust} ! Merci pour votre message, c'est {agent} qui vous accompagne aujourd'hui.",
    ],
    greet_mail: &[
        "Bonjour {cust},\n\nNous vous remercions d'avoir contacté {brand}.",
        "Bonjour {cust},\n\nMerci pour votre message.",
    ],
    sign_mail: &[
        "Bien cordialement,\n{agent}\nService client {brand}",
        "Belle journée,\n{agent}\nL'équipe {brand}",
    ],
    greet_phone: &[
        "{brand}, service client, {agent} à l'appareil. Que puis-je faire pour vous ?",
        "Bonjour, bienvenue au service client {brand}, je m'appelle {agent}. Comment puis-je vous aider ?",
    ],
    ask_order: &[
        "Pourriez-vous me communiquer votre numéro de commande afin que je vérifie ?",
        "Puis-je avoir votre numéro de commande, s'il vous plaît ?",
        "Pouvez-vous m'indiquer votre numéro de commande ? Il figure dans l'e-mail de confirmation.",
    ],
    confirm_order: &[
        "Merci. Je vois bien la commande {order} ({product}).",
        "Merci, j'ai retrouvé votre commande {order} : {product}.",
    ],
    apology: &[
        "Je vous prie de nous excuser pour ce désagrément.",
        "Toutes nos excuses pour ce contretemps.",
        "Nous sommes sincèrement navrés de cette situation.",
    ],
    empathy: &[
        "Je comprends tout à fait à quel point c'est frustrant.",
        "Je comprends votre agacement, il est légitime.",
        "Ce n'est évidemment pas l'expérience que nous souhaitons vous offrir.",
    ],
    further: &[
        "Puis-je vous aider pour autre chose ?",
        "Y a-t-il autre chose que je puisse faire pour vous ?",
    ],
    further_mail: &[
        "Pour toute autre question, il vous suffit de répondre à cet e-mail ; nous serons ravis de vous aider.",
        "N'hésitez pas à nous recontacter si vous avez besoin de quoi que ce soit.",
    ],
    close: &[
        "Merci d'avoir contacté {brand}. Excellente journée !",
        "Avec plaisir, {cust}. Bonne fin de journée !",
        "Je vous en prie. À bientôt !",
    ],
    hold: &[
        "Je vérifie cela pour vous, un instant s'il vous plaît.",
        "Un petit instant, je regarde tout de suite.",
    ],

    c_give_order: &[
        "Oui, c'est le {order}.",
        "Le numéro de commande est {order}.",
        "{order}",
    ],
    c_order_line: &[
        "Numéro de commande : {order}",
        "Mon numéro de commande est le {order}.",
    ],
    c_thanks: &[
        "Super, merci beaucoup !",
        "Parfait, merci pour votre aide.",
        "D'accord, c'est une bonne nouvelle. Merci !",
    ],
    c_no_more: &[
        "Non, ce sera tout. Merci encore !",
        "Non, c'est tout. Au revoir !",
        "Ce sera tout pour le moment, merci.",
    ],
    c_sign_mail: &["Merci,\n{cname}", "Cordialement,\n{cname}", "{given}"],
    c_nudge: &[
        "Bonjour ? Il y a quelqu'un ?",
        "Du nouveau, s'il vous plaît ?",
        "J'attends toujours une réponse.",
    ],
    fillers: &["Oui, euh...", "Euh, oui.", "Alors..."],

    wismo_open: &[
        "Bonjour, j'ai passé commande ({product}) il y a {ndays} jours et je n'ai toujours rien reçu. Où en est-elle ?",
        "Bonjour, pourriez-vous vérifier le statut de ma commande ? Je n'ai reçu aucune information d'expédition.",
        "Bonjour, quand ma commande va-t-elle arriver ? Le suivi n'a pas bougé depuis quelques jours.",
    ],
    wismo_answer: &[
        "Votre colis a été remis à {carrier} et il est en route. Le numéro de suivi est {tracking}, et la livraison est prévue {day}.",
        "Bonne nouvelle : votre commande a été expédiée avec {carrier} (numéro de suivi {tracking}). Elle devrait vous parvenir d'ici {day}.",
    ],
    return_open: &[
        "Bonjour, je souhaite retourner un article : {product}. Il ne correspond pas à mes attentes.",
        "Bonjour, puis-je renvoyer l'article ({product}) ? J'ai commandé la mauvaise couleur.",
        "Bonjour, comment se passe un retour ? L'article ({product}) ne me convient pas.",
    ],
    return_answer: &[
        "Bien sûr. Je viens de vous envoyer par e-mail une étiquette de retour prépayée. Dès réception du colis dans notre entrepôt, nous vous rembourserons {amount} sur votre moyen de paiement d'origine sous 5 à 7 jours ouvrés.",
        "Aucun souci. Emballez l'article dans sa boîte d'origine et déposez-le avec l'étiquette de retour que je vous ai envoyée. Dès réception, nous émettrons le remboursement de {amount}, qui apparaît généralement sur votre relevé sous 3 à 5 jours ouvrés.",
    ],
    question: &[
        (
            "Bonjour, l'article ({product}) est-il garanti ?",
            "Oui, l'article ({product}) bénéficie d'une garantie constructeur de deux ans. Conservez simplement votre confirmation de commande comme preuve d'achat.",
        ),
        (
            "Bonjour, avez-vous l'article ({product}) en stock en ce moment ? Quel est le délai de livraison ?",
            "Oui, il est en stock. Les commandes passées avant 14 h partent le jour même, et la livraison prend en général 3 à 5 jours ouvrés.",
        ),
        (
            "Bonjour, est-il possible d'avoir une facture au nom de mon entreprise ?",
            "Bien sûr. Envoyez-moi le nom et l'adresse de l'entreprise, et je vous transmets la facture par e-mail sous un jour ouvré.",
        ),
        (
            "Petite question : si je commande aujourd'hui, pouvez-vous faire un paquet cadeau pour l'article ({product}) ?",
            "Oui, avec plaisir ! Cochez simplement « emballage cadeau » lors du paiement ; vous pouvez aussi ajouter un message personnalisé gratuitement.",
        ),
    ],
    address_open: &[
        "Bonjour, j'ai déménagé et je dois modifier l'adresse de livraison de ma commande : {street}.",
        "Bonjour, pouvez-vous mettre à jour l'adresse de livraison de mon compte ? La nouvelle est : {street}.",
    ],
    verify_ask: &[
        "Je m'en occupe. Pour votre sécurité, pourriez-vous me confirmer l'adresse e-mail de votre compte et le code postal de votre adresse actuelle ?",
        "Avec plaisir. Avant toute modification, je dois vérifier votre identité : merci de me confirmer l'e-mail du compte et le code postal de facturation.",
    ],
    verify_give: &[
        "Bien sûr : {mail}, code postal {zip}.",
        "{mail}, code postal {zip}.",
    ],
    address_done: &[
        "Merci, votre identité est vérifiée. J'ai modifié l'adresse de livraison : {street}. Votre commande y sera livrée.",
        "Merci pour la confirmation. L'adresse est désormais {street} ; vous allez recevoir un e-mail de confirmation.",
    ],
    thanks_open: &[
        "Bonjour ! Je voulais juste vous dire que ma commande ({product}) est arrivée aujourd'hui et qu'elle est géniale. Merci !",
        "Bonjour, j'ai reçu ma commande hier. Très bonne qualité et livraison rapide, merci !",
    ],
    thanks_answer: &[
        "Merci beaucoup pour votre gentil message, {cust} ! Nous sommes ravis que votre commande vous plaise, et je transmets vos compliments à l'équipe.",
        "Quel plaisir de vous lire ! Merci d'avoir pris le temps de nous écrire.",
    ],
    cancel_open: &[
        "Bonjour, est-ce que je peux encore annuler ma commande ? Je l'ai passée par erreur.",
        "Bonjour, pourriez-vous annuler uniquement le deuxième article ? Je garde le premier.",
        "Bonjour, je voudrais annuler ma commande, s'il vous plaît. Je n'en ai plus besoin.",
    ],
    cancel_answer: &[
        "Votre commande n'était pas encore expédiée, je l'ai donc annulée. Le remboursement de {amount} sera effectué sur votre moyen de paiement d'origine sous 3 à 5 jours ouvrés.",
        "C'est fait, l'annulation est confirmée. Vous allez recevoir un e-mail de confirmation, et le montant de {amount} sera remboursé sur votre moyen de paiement d'origine sous 5 jours ouvrés.",
    ],

    late_open: &[
        "Bonjour, ma commande devait arriver il y a {ndays} jours et je ne l'ai toujours pas. Que se passe-t-il ?",
        "Bonjour, mon colis est en retard. Le suivi n'a pas bougé depuis une semaine.",
    ],
    late_fix: &[
        "J'ai vérifié auprès de {carrier} : le colis était bloqué au centre de tri et il est de nouveau en route. Votre numéro de suivi est {tracking}, et il devrait vous être livré d'ici {day}. S'il n'est pas arrivé d'ici là, nous vous enverrons un remplacement sans frais.",
        "Le colis a pris du retard chez {carrier} (suivi {tracking}). J'ai ouvert une enquête auprès du transporteur ; sans livraison sous 3 jours ouvrés, nous vous renverrons la commande ou vous rembourserons intégralement, selon votre préférence.",
    ],
    damaged_open: &[
        "Bonjour, ma commande ({product}) est arrivée abîmée. Le carton était écrasé et l'article est rayé.",
        "Bonjour, mon colis est arrivé aujourd'hui mais l'article ({product}) est cassé.",
    ],
    damaged_fix: &[
        "Je vous envoie un remplacement gratuitement ; il partira sous deux jours ouvrés, et vous n'avez pas besoin de renvoyer l'article endommagé.",
        "Vous avez le choix entre un remplacement gratuit et un remboursement intégral de {amount}. Pour le remboursement, vous n'avez rien à renvoyer ; l'argent arrivera sur votre moyen de paiement d'origine sous 5 à 7 jours ouvrés.",
    ],
    wrong_open: &[
        "Bonjour, j'ai reçu le mauvais article. J'avais commandé : {product}, et j'ai reçu autre chose.",
        "Bonjour, il y a une erreur dans ma commande : le carton contenait un autre produit.",
    ],
    wrong_fix: &[
        "J'ai fait le nécessaire pour que le bon article ({product}) vous soit expédié aujourd'hui, et je vous ai envoyé par e-mail une étiquette prépayée pour renvoyer l'autre gratuitement.",
        "Le bon article part aujourd'hui en express. Merci de renvoyer l'autre sous 30 jours avec l'étiquette prépayée que je vous ai envoyée ; vous n'aurez rien à payer.",
    ],
    refund_open: &[
        "Bonjour, j'ai renvoyé l'article ({product}) il y a deux semaines et je n'ai toujours pas reçu mon remboursement.",
        "Bonjour, où en est mon remboursement ? Vous avez reçu mon retour il y a {ndays} jours.",
    ],
    refund_fix: &[
        "Je vois que votre retour est bien arrivé. Le remboursement de {amount} a été émis aujourd'hui et devrait apparaître sur votre compte sous 3 à 5 jours ouvrés, selon votre banque.",
        "Votre retour a été contrôlé et validé, et je viens de déclencher le remboursement de {amount} sur votre moyen de paiement d'origine. Les banques mettent généralement 3 à 5 jours ouvrés à l'afficher.",
    ],
    defect_open: &[
        "Bonjour, mon appareil ({product}) ne fonctionne plus au bout de trois semaines. Il ne s'allume plus.",
        "Bonjour, l'appareil ({product}) s'éteint tout seul sans arrêt. Est-ce couvert par la garantie ?",
    ],
    defect_fix: &[
        "C'est couvert par la garantie. Je vous ai envoyé une étiquette de retour prépayée par e-mail ; dès réception de l'appareil défectueux, nous vous en enverrons un neuf sous 3 jours ouvrés, ou nous vous rembourserons {amount} si vous préférez.",
        "Nous le remplaçons au titre de la garantie. Renvoyez-le avec l'étiquette gratuite que je viens de vous envoyer, et le nouvel appareil partira dès que le transporteur aura scanné le colis.",
    ],

    c_annoyed: &[
        "C'est la deuxième fois que je pose la question. Quelqu'un peut-il vraiment m'aider ?",
        "Sérieusement ? J'attends depuis des jours et personne ne me donne de réponse claire.",
        "Ça ne m'aide pas du tout. Je veux ma commande, pas des excuses.",
        "Je commence vraiment à en avoir assez.",
    ],
    c_angry: &[
        "C'est absolument inadmissible ! Je veux mon argent TOUT DE SUITE !",
        "Ça me met hors de moi. Trois semaines, cinq messages et toujours RIEN !",
        "Votre service est une vaste blague. Ma patience a des limites !",
        "Arrêtez de me copier-coller la même réponse et RÉGLEZ CE PROBLÈME !",
    ],
    c_insult: &[
        "Vous êtes stupide ou quoi ? Je vous ai déjà donné le numéro de commande !",
        "Espèce d'imbécile, vous ne servez à rien.",
        "Mais quelle bande d'incapables dans cette boîte !",
        "Vous savez lire au moins ? Quel boulet.",
        "Franchement, vous êtes une catastrophe ambulante.",
    ],
    c_disguised: &[
        "Vous vous foutez de ma g*ueule ? Où est ma commande ?",
        "Espèce de c0nnard, remboursez-moi.",
        "Service de m3rde, franchement.",
        "p*tain, encore la même réponse",
        "Bande de b.o.u.f.f.o.n.s !",
        "ntm sérieux, répondez",
    ],
    dw: &[
        ("Vous êtes un {dw}.", &["connard", "abruti"]),
        ("{dw}, c'est quoi ce service ?", &["Putain"]),
        (
            "Espèce d'{dw}, rendez-moi mon argent.",
            &["imbecile", "idiot"],
        ),
    ],
    c_profanity: &[
        "Franchement, cette foutue commande est un cauchemar depuis le début.",
        "Bordel, je veux juste que ce soit réglé.",
        "Merde, c'est déjà la deuxième fois.",
        "Putain, tout ça est un vrai bazar.",
        "Fait chier, ça arrive à chaque fois que je commande en ligne.",
    ],
    c_violence: &[
        "Si ce n'est pas réglé aujourd'hui, je viens à vos bureaux et je casse tout.",
        "Continuez à m'ignorer et je trouverai où vous habitez.",
        "Je vous jure que le prochain qui me dit d'attendre, je lui mets mon poing dans la figure.",
        "Faites bien attention à vous en sortant du travail.",
    ],
    c_legal: &[
        "Sans remboursement d'ici {day}, mon avocat prendra contact avec vous.",
        "Je vais porter plainte contre vous.",
        "S'il le faut, je vous attaque en justice.",
    ],
    c_chargeback: &[
        "Si vous ne me remboursez pas, je fais opposition auprès de ma banque.",
        "J'ouvre un litige PayPal aujourd'hui même.",
        "Je vais appeler ma banque pour contester le paiement par carte.",
    ],
    c_claim_amazon: &[
        "Je vais ouvrir une réclamation au titre de la garantie A à Z d'Amazon.",
        "Si ce n'est pas réglé demain, je lance une réclamation A à Z.",
    ],
    c_claim_ebay: &[
        "Sans réponse aujourd'hui, j'ouvre un litige sur eBay.",
        "Je vais ouvrir une demande « objet non reçu » sur eBay.",
    ],
    c_claim_other: &[
        "Je vais ouvrir un litige sur {market} pour cette commande.",
        "Je vais signaler votre boutique à {market}.",
    ],
    c_review: &[
        "Je vais vous laisser un avis à une étoile et le raconter à tout le monde.",
        "Je publie toute cette conversation sur X et TikTok.",
        "Tout Facebook va savoir comment vous traitez vos clients.",
    ],
    c_regulator: &[
        "Je vais faire un signalement à la DGCCRF.",
        "Je saisis UFC-Que Choisir.",
        "Je dépose une réclamation sur SignalConso.",
    ],
    c_churn: &[
        "Je n'achèterai plus jamais chez {brand}.",
        "Fermez mon compte. Je vais voir ailleurs.",
        "C'est terminé, je passe à la concurrence.",
    ],
    c_manager: &[
        "Je veux parler à votre responsable.",
        "Passez-moi un superviseur, s'il vous plaît.",
        "Je veux quelqu'un de plus haut placé, tout de suite.",
    ],
    c_repeat: &[
        [
            "Quand vais-je recevoir mon remboursement ?",
            "Donc, quand exactement l'argent revient-il sur ma carte ?",
            "Je repose la question : à quelle date verrai-je le remboursement ?",
        ],
        [
            "Où se trouve mon colis en ce moment ?",
            "Pouvez-vous me dire où est réellement mon colis ?",
            "Encore une fois : où est le colis ? Je veux juste savoir où il est.",
        ],
        [
            "Mon remplacement a-t-il déjà été expédié ?",
            "Vous avez envoyé le remplacement, oui ou non ?",
            "Une dernière fois : le nouvel article est-il en route ?",
        ],
    ],
    c_card: &[
        "Mon paiement échoue sans arrêt. Vous pouvez débiter cette carte à la place : {card}, expiration {exp} ?",
        "Voici mon numéro de carte pour le paiement : {card} exp {exp}",
        "Utilisez cette carte pour la différence : {card}, date d'expiration {exp}.",
    ],
    c_change_email: &[
        "Bonjour, merci de changer l'adresse e-mail de mon compte pour {email}.",
        "Pouvez-vous remplacer l'e-mail de mon compte par {email} ? Je n'utilise plus l'ancien.",
    ],
    near_miss: &[
        "Merci ! Et rassurez-vous, je ne vais porter plainte contre personne, je voulais juste mon remboursement.",
        "Super service, je vais vous laisser un avis 5 étoiles !",
        "Merci, votre conseiller au téléphone avait déjà été très efficace.",
        "Merci ! J'habite à Condom, dans le Gers, donc la livraison prend toujours un peu de temps.",
        "Le livreur m'a dit « putain, qu'il est lourd ce carton ! », mais tout est réglé maintenant.",
        "Merci, votre petit mot dans le colis m'a fait mourir de rire.",
    ],

    a_deescalate: &[
        "Toutes mes excuses pour cette situation, et je veux vraiment vous aider. Je m'en occupe tout de suite.",
        "Je comprends votre frustration et je vous présente nos excuses. Je prends personnellement votre dossier en main.",
        "Je vous entends. Veuillez nous excuser pour tous ces désagréments ; réglons cela maintenant.",
    ],
    a_threat_ack: &[
        "Je comprends, et je regrette sincèrement que nous en soyons arrivés là. Je souhaite régler cela immédiatement pour que vous n'ayez aucune autre démarche à faire.",
        "Toutes nos excuses pour cette frustration. Laissez-moi d'abord régler le problème ; voici ce que je peux faire :",
    ],
    a_insult: &[
        "Vous êtes bête ou quoi ? C'est écrit noir sur blanc sur la page.",
        "Arrêtez de pleurnicher, espèce d'imbécile. Regardez le suivi vous-même.",
        "Franchement, c'est à cause de gens comme vous que je déteste ce boulot. Taisez-vous et attendez.",
        "Apprenez à lire, crétin.",
    ],
    a_rude: &[
        "Ce n'est pas mon problème. Il fallait lire la description avant de commander.",
        "Comme je l'ai déjà dit, je ne peux rien faire. Voyez ça avec le transporteur.",
        "Franchement, vous vous attendiez à quoi pour ce prix ?",
        "Si vous aviez suivi la notice, ce ne serait pas cassé.",
    ],
    a_curt: &[
        "C'est noté.",
        "Ce sera traité.",
        "Merci de patienter.",
        "Voir ci-dessus.",
        "Ok.",
    ],
    a_promise: &[
        "Je vous promets un double remboursement.",
        "La livraison est garantie pour {day}, à 100 %.",
        "Je vous garantis que cela ne se reproduira plus jamais.",
        "Je vous rembourse intégralement, vous gardez l'article et je vous en envoie un second gratuitement.",
    ],
    a_vague: &[
        "Nous regardons cela.",
        "Notre équipe vérifie.",
        "Merci de patienter, c'est en cours de traitement.",
        "J'ai transmis en interne.",
    ],
    a_manager_ok: &[
        "Je comprends. Je demande à mon responsable de rejoindre la conversation.",
        "Bien sûr, je fais intervenir mon superviseur.",
    ],
    a_lead_intro: &[
        "Bonjour {cust}, ici {agent}, responsable de l'équipe. J'ai relu tout l'échange et je regrette vraiment la façon dont cela s'est passé.",
        "Bonjour {cust}, {agent}, superviseur du service client. Merci pour votre patience ; je prends le relais.",
    ],
    a_refund_bare: &[
        "Ok, remboursement fait.",
        "Je vous rembourse.",
        "Remboursement effectué.",
    ],
    a_email_changed: &[
        "C'est fait, l'adresse e-mail de votre compte est maintenant {email}.",
        "Pas de souci, votre e-mail de compte est désormais {email}.",
    ],
    a_address_changed: &[
        "C'est fait, l'adresse de livraison est maintenant : {street}.",
        "Aucun problème, j'ai changé l'adresse : {street}.",
    ],
    a_card_warn: &[
        "Merci de ne jamais partager de numéro de carte par chat. Pour votre sécurité, je l'ai supprimé de nos notes et je vous envoie un lien de paiement sécurisé.",
        "Merci, mais pour votre sécurité, n'envoyez jamais vos coordonnées bancaires complètes par message. Je les ai effacées et vous ai envoyé par e-mail un lien sécurisé pour mettre à jour votre moyen de paiement.",
    ],
    a_late_sorry: &[
        "Veuillez excuser notre réponse tardive ; nous avons reçu un volume de messages exceptionnel.",
        "Toutes nos excuses pour ce délai de réponse.",
    ],
    a_internal: &[
        "Note interne : relancer le client dans 3 jours si le dossier n'est pas clos.",
        "Note : vérifié avec l'entrepôt, le colis est parti à temps. Retard transporteur.",
        "Note : remboursement validé par le responsable.",
    ],
};
