//! German: formal "Sie", as German customer service writes. Product names stand in
//! parentheses or after a colon so that no article has to agree with them.

use super::{Bank, Lang};

pub(crate) static BANK: Bank = Bank {
    lang: Lang::De,
    sep: " ",
    weekdays: [
        "Sonntag",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
    ],

    greet_chat: &[
        "Hallo {cust}, vielen Dank, dass Sie sich an {brand} wenden! Mein Name ist {agent}.",
        "Guten Tag {cust}, hier ist {agent} vom Kundenservice von {brand}.",
        "Hallo {cust}! Danke für Ihre Nachricht, ich bin {agent} und kümmere mich heute um Ihr Anliegen.",
    ],
    greet_mail: &[
        "Guten Tag {cust},\n\nvielen Dank für Ihre Nachricht.",
        "Hallo {cust},\n\nherzlichen Dank, dass Sie sich an {brand} gewandt haben.",
    ],
    sign_mail: &[
        "Mit freundlichen Grüßen\n{agent}\nIhr Kundenservice von {brand}",
        "Viele Grüße\n{agent}\n{brand} Kundenservice",
    ],
    greet_phone: &[
        "{brand} Kundenservice, Sie sprechen mit {agent}. Was kann ich für Sie tun?",
        "Guten Tag, willkommen beim Kundenservice von {brand}, mein Name ist {agent}. Wie kann ich Ihnen helfen?",
    ],
    ask_order: &[
        "Könnten Sie mir bitte Ihre Bestellnummer nennen, damit ich nachsehen kann?",
        "Wie lautet Ihre Bestellnummer, bitte?",
        "Nennen Sie mir bitte Ihre Bestellnummer; Sie finden sie in der Bestellbestätigung.",
    ],
    confirm_order: &[
        "Danke. Ich sehe Ihre Bestellung {order} ({product}).",
        "Vielen Dank, ich habe die Bestellung {order} gefunden: {product}.",
    ],
    apology: &[
        "Das tut mir wirklich leid.",
        "Bitte entschuldigen Sie die Unannehmlichkeiten.",
        "Es tut mir sehr leid, dass es dazu gekommen ist.",
    ],
    empathy: &[
        "Ich verstehe gut, wie ärgerlich das für Sie ist.",
        "Ich kann Ihren Ärger absolut nachvollziehen.",
        "Ich verstehe, so sollte das natürlich nicht laufen.",
    ],
    further: &[
        "Kann ich sonst noch etwas für Sie tun?",
        "Gibt es noch etwas, wobei ich Ihnen helfen kann?",
    ],
    further_mail: &[
        "Wenn Sie weitere Fragen haben, antworten Sie einfach auf diese E-Mail; wir helfen Ihnen gerne weiter.",
        "Bei weiteren Fragen sind wir jederzeit gerne für Sie da.",
    ],
    close: &[
        "Vielen Dank, dass Sie sich an {brand} gewandt haben. Einen schönen Tag noch!",
        "Gern geschehen, {cust}. Ich wünsche Ihnen noch einen schönen Tag!",
        "Sehr gerne. Alles Gute und bis bald!",
    ],
    hold: &[
        "Einen Moment bitte, ich sehe kurz nach.",
        "Ich prüfe das gleich für Sie, bitte haben Sie einen Moment Geduld.",
    ],

    c_give_order: &[
        "Klar, die Nummer ist {order}.",
        "Die Bestellnummer lautet {order}.",
        "{order}",
    ],
    c_order_line: &["Bestellnummer: {order}", "Meine Bestellnummer ist {order}."],
    c_thanks: &[
        "Super, vielen Dank!",
        "Perfekt, danke für Ihre Hilfe.",
        "Okay, das klingt gut. Danke!",
    ],
    c_no_more: &[
        "Nein, das war alles. Danke nochmal!",
        "Nein, alles erledigt. Tschüss!",
        "Das wäre alles, vielen Dank.",
    ],
    c_sign_mail: &[
        "Viele Grüße\n{cname}",
        "Mit freundlichen Grüßen\n{cname}",
        "Gruß\n{given}",
    ],
    c_nudge: &[
        "Hallo? Ist da jemand?",
        "Gibt es schon etwas Neues?",
        "Ich warte immer noch auf eine Antwort.",
    ],
    fillers: &["Ja, äh...", "Äh, ja.", "Also..."],

    wismo_open: &[
        "Hallo, ich habe vor {ndays} Tagen bestellt ({product}), aber das Paket ist immer noch nicht angekommen. Wo ist es?",
        "Guten Tag, können Sie bitte den Status meiner Bestellung prüfen? Ich habe noch keine Versandbestätigung bekommen.",
        "Hallo, wann kommt meine Bestellung? Die Sendungsverfolgung hat sich seit ein paar Tagen nicht verändert.",
    ],
    wismo_answer: &[
        "Ihr Paket wurde an {carrier} übergeben und ist unterwegs. Die Sendungsnummer lautet {tracking}, die Zustellung ist für {day} geplant.",
        "Gute Nachricht: Ihre Bestellung wurde mit {carrier} verschickt (Sendungsnummer {tracking}) und sollte Sie bis {day} erreichen.",
    ],
    return_open: &[
        "Hallo, ich möchte einen Artikel zurücksenden: {product}. Er entspricht leider nicht meinen Erwartungen.",
        "Guten Tag, kann ich den Artikel ({product}) zurückgeben? Ich habe die falsche Farbe bestellt.",
        "Hallo, wie funktioniert die Rücksendung? Der Artikel ({product}) passt leider nicht zu mir.",
    ],
    return_answer: &[
        "Selbstverständlich. Ich habe Ihnen gerade ein kostenloses Rücksendeetikett per E-Mail geschickt. Sobald das Paket bei uns im Lager eingegangen ist, erstatten wir Ihnen {amount} innerhalb von 5-7 Werktagen auf Ihr ursprüngliches Zahlungsmittel.",
        "Kein Problem. Bitte verpacken Sie den Artikel in der Originalverpackung und geben Sie ihn mit dem Rücksendeetikett ab, das ich Ihnen geschickt habe. Sobald die Rücksendung bei uns ist, erstatten wir {amount}; die Gutschrift ist in der Regel nach 3-5 Werktagen auf Ihrem Konto sichtbar.",
    ],
    question: &[
        (
            "Hallo, gibt es auf den Artikel ({product}) eine Garantie?",
            "Ja, auf den Artikel ({product}) gibt es zwei Jahre Herstellergarantie. Bewahren Sie einfach Ihre Bestellbestätigung als Kaufnachweis auf.",
        ),
        (
            "Guten Tag, haben Sie den Artikel ({product}) gerade auf Lager? Wie lange dauert die Lieferung?",
            "Ja, der Artikel ist auf Lager. Bestellungen bis 14 Uhr verschicken wir noch am selben Tag, die Lieferung dauert meist 3-5 Werktage.",
        ),
        (
            "Hallo, kann ich eine Rechnung mit meinem Firmennamen bekommen?",
            "Selbstverständlich. Schicken Sie mir bitte Firmennamen und Anschrift, dann erhalten Sie die Rechnung innerhalb eines Werktags per E-Mail.",
        ),
        (
            "Kurze Frage: Können Sie den Artikel ({product}) als Geschenk verpacken, wenn ich heute bestelle?",
            "Ja, gerne! Wählen Sie an der Kasse einfach „Geschenkverpackung“; dort können Sie auch kostenlos eine persönliche Nachricht hinzufügen.",
        ),
    ],
    address_open: &[
        "Hallo, ich bin umgezogen und muss die Lieferadresse meiner Bestellung ändern. Die neue Adresse lautet: {street}.",
        "Guten Tag, können Sie bitte die Lieferadresse in meinem Kundenkonto ändern? Neu ist: {street}.",
    ],
    verify_ask: &[
        "Das mache ich gerne. Zu Ihrer Sicherheit: Bitte bestätigen Sie mir die E-Mail-Adresse Ihres Kundenkontos und die Postleitzahl Ihrer bisherigen Adresse.",
        "Gerne. Bevor ich etwas ändere, muss ich Ihre Identität prüfen: Wie lauten die E-Mail-Adresse Ihres Kontos und die Postleitzahl Ihrer Rechnungsadresse?",
    ],
    verify_give: &[
        "Klar: {mail}, Postleitzahl {zip}.",
        "Die E-Mail ist {mail}, die PLZ {zip}.",
    ],
    address_done: &[
        "Vielen Dank, Ihre Identität ist bestätigt. Ich habe die Lieferadresse auf {street} geändert; Ihre Bestellung wird dorthin geliefert.",
        "Danke für die Bestätigung. Die Adresse lautet jetzt {street}; Sie erhalten gleich eine Bestätigung per E-Mail.",
    ],
    thanks_open: &[
        "Hallo! Ich wollte nur sagen: Meine Lieferung ({product}) ist heute angekommen und ich bin begeistert. Danke!",
        "Guten Tag, meine Bestellung kam gestern an. Tolle Qualität und schneller Versand, vielen Dank!",
    ],
    thanks_answer: &[
        "Vielen Dank für Ihr nettes Feedback, {cust}! Es freut uns sehr, dass Sie zufrieden sind; ich gebe Ihr Lob gerne an das Team weiter.",
        "Das freut uns sehr zu hören! Danke, dass Sie sich die Zeit für die Rückmeldung genommen haben.",
    ],
    cancel_open: &[
        "Hallo, kann ich meine Bestellung noch stornieren? Ich habe versehentlich bestellt.",
        "Guten Tag, könnten Sie bitte nur den zweiten Artikel stornieren? Den ersten möchte ich behalten.",
        "Hallo, ich möchte meine Bestellung bitte stornieren, ich brauche sie nicht mehr.",
    ],
    cancel_answer: &[
        "Ihre Bestellung war noch nicht versandt, daher habe ich sie storniert. Die {amount} werden innerhalb von 3-5 Werktagen auf Ihr ursprüngliches Zahlungsmittel zurückerstattet.",
        "Erledigt, die Stornierung ist bestätigt. Sie erhalten gleich eine E-Mail, und der Betrag von {amount} wird innerhalb von 5 Werktagen auf Ihr ursprüngliches Zahlungsmittel erstattet.",
    ],

    late_open: &[
        "Hallo, meine Bestellung sollte schon vor {ndays} Tagen ankommen und ist immer noch nicht da. Was ist da los?",
        "Guten Tag, mein Paket ist überfällig. Die Sendungsverfolgung bewegt sich seit einer Woche nicht.",
    ],
    late_fix: &[
        "Ich habe bei {carrier} nachgefragt: Das Paket hing im Verteilzentrum fest und ist jetzt wieder unterwegs. Ihre Sendungsnummer ist {tracking}, die Zustellung sollte bis {day} erfolgen. Falls es bis dahin nicht ankommt, schicken wir Ihnen kostenlos Ersatz.",
        "Das Paket ist bei {carrier} verzögert (Sendungsnummer {tracking}). Ich habe einen Nachforschungsauftrag gestellt; kommt es nicht innerhalb von 3 Werktagen an, senden wir die Bestellung erneut oder erstatten den vollen Betrag, ganz wie Sie möchten.",
    ],
    damaged_open: &[
        "Hallo, meine Lieferung ({product}) ist beschädigt angekommen. Der Karton war eingedrückt und der Artikel ist zerkratzt.",
        "Guten Tag, mein Paket kam heute an, aber der Artikel ({product}) ist kaputt.",
    ],
    damaged_fix: &[
        "Ich schicke Ihnen kostenlos Ersatz; er wird innerhalb von zwei Werktagen versandt, und den beschädigten Artikel müssen Sie nicht zurückschicken.",
        "Sie können wählen: kostenloser Ersatz oder volle Erstattung von {amount}. Für die Erstattung müssen Sie nichts zurücksenden; das Geld ist innerhalb von 5-7 Werktagen wieder auf Ihrem ursprünglichen Zahlungsmittel.",
    ],
    wrong_open: &[
        "Hallo, ich habe den falschen Artikel bekommen. Bestellt hatte ich: {product}. Geliefert wurde etwas ganz anderes.",
        "Guten Tag, bei meiner Bestellung ist etwas schiefgelaufen: Im Paket war ein anderes Produkt.",
    ],
    wrong_fix: &[
        "Ich habe veranlasst, dass der richtige Artikel ({product}) noch heute verschickt wird, und Ihnen ein kostenloses Rücksendeetikett für den falschen Artikel per E-Mail geschickt.",
        "Der richtige Artikel geht heute per Expressversand raus. Bitte senden Sie den anderen mit dem kostenlosen Etikett aus meiner E-Mail innerhalb von 30 Tagen zurück; Kosten entstehen Ihnen keine.",
    ],
    refund_open: &[
        "Hallo, ich habe den Artikel ({product}) vor zwei Wochen zurückgeschickt, aber noch keine Erstattung erhalten.",
        "Guten Tag, wo bleibt meine Erstattung? Meine Rücksendung ist seit {ndays} Tagen bei Ihnen.",
    ],
    refund_fix: &[
        "Ich sehe, dass Ihre Rücksendung angekommen ist. Die Erstattung über {amount} wurde heute veranlasst und sollte je nach Bank innerhalb von 3-5 Werktagen auf Ihrem Konto erscheinen.",
        "Ihre Rücksendung wurde geprüft und freigegeben, und ich habe die Erstattung von {amount} auf Ihr ursprüngliches Zahlungsmittel angewiesen. Banken brauchen meist 3-5 Werktage, bis sie sichtbar ist.",
    ],
    defect_open: &[
        "Hallo, mein Gerät ({product}) funktioniert nach drei Wochen nicht mehr. Es lässt sich nicht mehr einschalten.",
        "Guten Tag, das Gerät ({product}) schaltet sich ständig von selbst aus. Ist das ein Garantiefall?",
    ],
    defect_fix: &[
        "Das ist ein Garantiefall. Ich habe Ihnen ein kostenloses Rücksendeetikett per E-Mail geschickt; sobald das defekte Gerät bei uns ist, erhalten Sie innerhalb von 3 Werktagen ein neues oder auf Wunsch die Erstattung von {amount}.",
        "Wir ersetzen das Gerät im Rahmen der Garantie. Schicken Sie es bitte mit dem kostenlosen Etikett aus meiner E-Mail zurück; das neue Gerät geht raus, sobald der Versanddienstleister das Paket gescannt hat.",
    ],

    c_annoyed: &[
        "Ich frage jetzt zum zweiten Mal. Kann mir bitte endlich jemand helfen?",
        "Im Ernst? Ich warte seit Tagen und bekomme keine klare Antwort.",
        "Das hilft mir überhaupt nicht weiter. Ich will meine Bestellung, keine Ausreden.",
        "Langsam reicht es mir wirklich.",
    ],
    c_angry: &[
        "Das ist absolut inakzeptabel! Ich will SOFORT mein Geld zurück!",
        "Ich bin STINKSAUER. Drei Wochen, fünf Nachrichten und immer noch nichts!",
        "Ihr Service ist ein schlechter Witz. Meine Geduld ist am Ende!",
        "Hören Sie auf, mir immer denselben Textbaustein zu schicken, und LÖSEN SIE DAS PROBLEM!",
    ],
    c_insult: &[
        "Sind Sie ein Idiot? Ich habe Ihnen die Bestellnummer doch schon gegeben!",
        "Du bist völlig unfähig, du Idiot.",
        "Was für Vollidioten arbeiten eigentlich bei dieser Firma?",
        "Können Sie überhaupt lesen, Sie Clown?",
        "Sie sind echt die dümmste Servicekraft, die mir je untergekommen ist.",
    ],
    c_disguised: &[
        "Was ist das hier für ein Sch***laden? Wo ist mein Paket?",
        "Du A****loch, erstatte mir einfach mein Geld.",
        "Was für ein Schei$$service ist das denn?",
        "Ihr seid doch alle V.o.l.l.i.d.i.o.t.e.n!",
        "F*ck, ihr seid echt unfähig!",
        "Du bist so ein W1chser.",
    ],
    dw: &[
        ("Sie sind ein kompletter {dw}.", &["Idiot", "Vollidiot"]),
        (
            "Du {dw}, gib mir mein Geld zurück!",
            &["Arschloch", "Idiot", "Wichser"],
        ),
        ("Was für ein {dw} Laden!", &["beschissener"]),
        ("Das ist doch alles {dw}!", &["Scheisse"]),
    ],
    c_profanity: &[
        "Ehrlich, diese verdammte Bestellung ist von Anfang an ein Albtraum.",
        "Verdammt nochmal, ich will das einfach nur geklärt haben.",
        "So ein Mist, das ist jetzt schon das zweite Mal.",
        "Scheiße, das ganze Ding ist ein einziges Chaos.",
        "Was für ein Scheißtag, und dann auch noch das.",
    ],
    c_violence: &[
        "Wenn das heute nicht gelöst wird, komme ich vorbei und schlage bei Ihnen alles kurz und klein.",
        "Ignorieren Sie mich weiter, dann finde ich heraus, wo Sie wohnen.",
        "Ich schwöre, dem Nächsten, der mir sagt, ich soll warten, haue ich eine rein.",
        "Passen Sie bloß auf, wenn Sie nachts nach Hause gehen.",
    ],
    c_legal: &[
        "Wenn ich bis {day} keine Erstattung habe, meldet sich mein Anwalt bei Ihnen.",
        "Ich werde Sie verklagen.",
        "Notfalls sehen wir uns vor Gericht.",
    ],
    c_chargeback: &[
        "Wenn Sie mir das Geld nicht erstatten, lasse ich die Zahlung über meine Bank zurückbuchen.",
        "Ich eröffne heute noch einen PayPal-Konflikt.",
        "Ich rufe meine Kreditkartenfirma an und widerspreche der Abbuchung.",
    ],
    c_claim_amazon: &[
        "Ich werde bei Amazon einen Antrag auf die A-bis-z-Garantie stellen.",
        "Wenn das bis morgen nicht gelöst ist, eröffne ich einen A-bis-z-Garantieantrag.",
    ],
    c_claim_ebay: &[
        "Wenn ich heute nichts von Ihnen höre, melde ich den Fall beim eBay-Käuferschutz.",
        "Ich eröffne bei eBay einen Fall wegen „Artikel nicht erhalten“.",
    ],
    c_claim_other: &[
        "Ich eröffne bei {market} einen Konflikt wegen dieser Bestellung.",
        "Ich melde Ihren Shop bei {market}.",
    ],
    c_review: &[
        "Ich gebe Ihnen eine Ein-Sterne-Bewertung und erzähle allen davon.",
        "Diesen Chat poste ich komplett auf Instagram und TikTok.",
        "Auf Facebook wird jeder erfahren, wie Sie mit Kunden umgehen.",
    ],
    c_regulator: &[
        "Ich beschwere mich bei der Verbraucherzentrale.",
        "Ich reiche eine Beschwerde bei der Verbraucherschlichtungsstelle ein.",
        "Das melde ich dem Verein für Konsumenteninformation.",
    ],
    c_churn: &[
        "Bei {brand} kaufe ich nie wieder etwas.",
        "Löschen Sie mein Kundenkonto. Ich kaufe ab jetzt woanders.",
        "Das war's, ich wechsle zur Konkurrenz.",
    ],
    c_manager: &[
        "Ich möchte mit Ihrem Vorgesetzten sprechen.",
        "Verbinden Sie mich bitte mit einer Teamleitung.",
        "Holen Sie mir sofort jemanden, der etwas zu sagen hat.",
    ],
    c_repeat: &[
        [
            "Wann bekomme ich meine Erstattung?",
            "Also wann genau ist das Geld wieder auf meiner Karte?",
            "Ich frage noch einmal: An welchem Tag sehe ich die Erstattung?",
        ],
        [
            "Wo ist mein Paket gerade?",
            "Können Sie mir sagen, wo sich meine Sendung tatsächlich befindet?",
            "Nochmal: Wo ist das Paket? Ich will nur wissen, wo es ist.",
        ],
        [
            "Wurde mein Ersatz schon verschickt?",
            "Haben Sie den Ersatz jetzt verschickt oder nicht?",
            "Noch einmal: Ist der neue Artikel unterwegs?",
        ],
    ],
    c_card: &[
        "Meine Zahlung schlägt ständig fehl. Können Sie einfach diese Karte belasten: {card}, gültig bis {exp}?",
        "Hier meine Kartennummer, damit Sie die Zahlung abschließen können: {card}, Ablaufdatum {exp}",
        "Bitte buchen Sie die Differenz von dieser Karte ab: {card}, gültig bis {exp}.",
    ],
    c_change_email: &[
        "Hallo, bitte ändern Sie die E-Mail-Adresse in meinem Kundenkonto auf {email}.",
        "Können Sie die E-Mail-Adresse meines Kontos auf {email} umstellen? Die alte nutze ich nicht mehr.",
    ],
    near_miss: &[
        "Danke! Und keine Sorge, ich will niemanden verklagen, ich wollte nur mein Geld zurück.",
        "Toller Service, dafür gibt es eine 5-Sterne-Bewertung!",
        "Danke. Ich wohne übrigens in Fickmühlen, da dauert die Post immer etwas länger.",
        "Super, danke! Mein Assistent nimmt das Paket entgegen.",
        "Der Bote meinte, der Karton sei verdammt schwer gewesen, aber jetzt passt ja alles.",
        "Perfekt, dann kann ich am Wochenende endlich meine Shiitake-Pilze anbraten.",
        "Danke, das war wirklich eine geile Beratung!",
    ],

    a_deescalate: &[
        "Es tut mir leid, dass Sie so verärgert sind, und ich möchte Ihnen helfen. Ich kümmere mich jetzt sofort darum.",
        "Ich verstehe Ihren Frust und entschuldige mich dafür. Ich nehme mich der Sache persönlich an.",
        "Ich verstehe Sie. Entschuldigen Sie bitte den Ärger bisher; lassen Sie uns das jetzt lösen.",
    ],
    a_threat_ack: &[
        "Ich verstehe Sie, und es tut mir leid, dass es so weit gekommen ist. Ich möchte das sofort für Sie lösen, damit Sie keine weiteren Schritte unternehmen müssen.",
        "Entschuldigen Sie bitte den Ärger. Geben Sie mir die Chance, das zuerst zu klären; Folgendes kann ich für Sie tun:",
    ],
    a_insult: &[
        "Sind Sie blöd? Das steht doch direkt auf der Seite.",
        "Hören Sie auf zu jammern, Sie Idiot. Schauen Sie selbst in die Sendungsverfolgung.",
        "Ehrlich, wegen Leuten wie Ihnen hasse ich diesen Job. Halten Sie den Mund und warten Sie.",
        "Lernen Sie lesen, Sie Depp.",
    ],
    a_rude: &[
        "Das ist nicht mein Problem. Sie hätten die Beschreibung vor dem Kauf lesen sollen.",
        "Wie gesagt, da kann ich nichts machen. Klären Sie das mit dem Paketdienst.",
        "Ehrlich, was haben Sie für den Preis denn erwartet?",
        "Hätten Sie sich an die Anleitung gehalten, wäre nichts kaputtgegangen.",
    ],
    a_curt: &[
        "Zur Kenntnis genommen.",
        "Wird bearbeitet.",
        "Bitte warten.",
        "Siehe oben.",
        "Ok.",
    ],
    a_promise: &[
        "Ich verspreche Ihnen, dass Sie den doppelten Betrag erstattet bekommen.",
        "Die Lieferung bis {day} ist garantiert, zu 100 %.",
        "Ich garantiere Ihnen, dass das nie wieder vorkommt.",
        "Sie bekommen die volle Erstattung, dürfen den Artikel behalten, und ich schicke Ihnen noch einen zweiten gratis.",
    ],
    a_vague: &[
        "Wir prüfen das.",
        "Unser Team schaut sich das an.",
        "Bitte haben Sie Geduld, es wird bearbeitet.",
        "Ich habe es intern weitergegeben.",
    ],
    a_manager_ok: &[
        "Ich verstehe. Ich bitte meine Teamleitung, das Gespräch zu übernehmen.",
        "Natürlich, ich hole meinen Vorgesetzten dazu.",
    ],
    a_lead_intro: &[
        "Guten Tag {cust}, hier ist {agent}, ich leite das Serviceteam. Ich habe alles gelesen und bedauere sehr, wie das gelaufen ist.",
        "Hallo {cust}, mein Name ist {agent}, ich bin Teamleiter im Kundenservice. Danke für Ihre Geduld, ich übernehme ab hier.",
    ],
    a_refund_bare: &[
        "Ok, Erstattung erledigt.",
        "Ich erstatte das.",
        "Erstattung veranlasst.",
    ],
    a_email_changed: &[
        "Erledigt, die E-Mail-Adresse in Ihrem Konto lautet jetzt {email}.",
        "Klar, Ihre Konto-E-Mail ist jetzt {email}.",
    ],
    a_address_changed: &[
        "Erledigt, die Lieferadresse lautet jetzt {street}.",
        "Kein Problem, ich habe die Adresse auf {street} geändert.",
    ],
    a_card_warn: &[
        "Bitte teilen Sie keine Kartennummern im Chat. Zu Ihrer Sicherheit habe ich sie aus unseren Notizen entfernt und sende Ihnen stattdessen einen sicheren Zahlungslink.",
        "Danke, aber bitte senden Sie Ihre Kartendaten niemals per Nachricht. Ich habe sie gelöscht und Ihnen einen sicheren Link geschickt, über den Sie Ihre Zahlungsart ändern können.",
    ],
    a_late_sorry: &[
        "Entschuldigen Sie die späte Antwort; wir haben derzeit ein sehr hohes Nachrichtenaufkommen.",
        "Bitte entschuldigen Sie, dass wir uns erst jetzt melden.",
    ],
    a_internal: &[
        "Interne Notiz: in 3 Tagen nachfassen, falls der Fall noch offen ist.",
        "Notiz: beim Lager nachgefragt, das Paket ging pünktlich raus. Verzögerung beim Versanddienstleister.",
        "Notiz: Erstattung von der Teamleitung freigegeben.",
    ],
};
