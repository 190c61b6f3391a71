//! E-mail: .eml files threaded together, mbox mailboxes, marketplace relays.

mod support;

use earshot_ingest::formats::{ImportFormat, ImportOptions, import};
use earshot_model::{Channel, Role};
use support::{by_id, fixture, roles, run, run_many};

const EMLS: &[&str] = &[
    "eml/03-followup.eml",
    "eml/01-question.eml",
    "eml/05-nofrom.eml",
    "eml/04-japanese.eml",
    "eml/02-reply.eml",
    "eml/06-relay-no-headers.eml",
];

#[test]
fn eml_files_thread_into_conversations() {
    let (convs, errs) = run_many(ImportFormat::Eml, EMLS, &ImportOptions::default());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].file, "eml/05-nofrom.eml");
    assert_eq!(errs[0].field.as_deref(), Some("From"));
    assert_eq!(errs[0].id.as_deref(), Some("broken-1@example.com"));
    assert_eq!(convs.len(), 2, "{convs:#?}");

    let amazon = by_id(&convs, "a1.20240507@relay.example");
    assert_eq!(amazon.channel, Channel::Marketplace);
    assert_eq!(amazon.source.as_deref(), Some("amazon"));
    // Reply by References, follow-up by References, and a relayed message without threading
    // headers joined by its order number.
    assert_eq!(amazon.turns.len(), 4);
    assert_eq!(roles(amazon), ["customer", "agent", "customer", "customer"]);
    assert_eq!(
        amazon.turns[0].text,
        "Hallo, mein Paket ist nicht angekommen.\nDie Sendungsverfolgung zeigt seit Tagen nichts Neues."
    );
    assert_eq!(
        amazon.turns[1].text, "Hallo Jonas, wir prüfen das sofort.",
        "quote and signature stripped"
    );
    assert_eq!(
        amazon.turns[2].text, "Immer noch nichts! Ich will mein Geld zurück.",
        "HTML-only, Gmail quote removed"
    );
    assert_eq!(
        amazon.turns[3].text,
        "Ich eröffne jetzt einen A-bis-z-Garantieantrag."
    );
    let order = amazon.order.as_ref().unwrap();
    assert_eq!(order.id.as_deref(), Some("302-1234567-7654321"));
    assert_eq!(order.marketplace.as_deref(), Some("amazon.de"));
    let customer = amazon.customer.as_ref().unwrap();
    assert_eq!(
        customer.id.as_deref(),
        Some("k3v9x0q2m7w1abc@marketplace.amazon.de")
    );
    assert_eq!(customer.name.as_deref(), Some("Jonas B."));
    assert_eq!(amazon.agents[0].id, "support@shop.example");
    assert_eq!(
        amazon.turns[0].at.unwrap().to_string(),
        "2024-05-07T12:03:11Z",
        "Date converted to UTC"
    );
    assert_eq!(
        amazon.metadata["subject"],
        "Bestellung 302-1234567-7654321 fehlt"
    );

    let jp = by_id(&convs, "jp-1@example.jp");
    assert_eq!(jp.channel, Channel::Email);
    assert_eq!(jp.source.as_deref(), Some("email"));
    assert_eq!(jp.turns.len(), 1);
    assert_eq!(
        jp.turns[0].text, "注文した商品がまだ届きません。",
        "base64 decoded, phone tagline cut"
    );
    assert_eq!(jp.customer.as_ref().unwrap().name.as_deref(), Some("佐藤"));
    assert_eq!(jp.metadata["subject"], "配送について");
}

#[test]
fn a_single_eml_is_one_conversation() {
    let data = fixture("eml/02-reply.eml");
    let out = import(
        ImportFormat::Eml,
        "reply.eml",
        &data,
        &ImportOptions::default(),
    );
    assert_eq!(out.len(), 1);
    let c = out[0].as_ref().unwrap();
    // The root message is missing, so the thread is named after it and the writer is the
    // customer by default.
    assert_eq!(c.id, "a1.20240507@relay.example");
    assert_eq!(c.channel, Channel::Marketplace, "sent to an Amazon alias");
    assert_eq!(
        c.turns[0].role,
        Role::Agent,
        "a message to the buyer alias is the shop's"
    );
}

#[test]
fn support_addresses_decide_roles() {
    let opts = ImportOptions {
        support_addresses: vec!["@shop.example".into()],
        ..ImportOptions::default()
    };
    let (convs, _) = run_many(ImportFormat::Eml, &["eml/04-japanese.eml"], &opts);
    assert_eq!(convs[0].turns[0].role, Role::Customer);
    let (convs, _) = run_many(ImportFormat::Mbox, &["mbox/shop.mbox"], &opts);
    let fr = by_id(&convs, "fr1@example.fr");
    assert_eq!(roles(fr), ["customer", "agent", "customer"]);
}

#[test]
fn mbox_threads_relays_quotes_and_fallbacks() {
    let (convs, errs) = run(ImportFormat::Mbox, "mbox/shop.mbox");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        errs[0].line, 129,
        "the line of the message's From_ separator"
    );
    assert_eq!(errs[0].field.as_deref(), Some("From"));
    assert_eq!(
        convs.len(),
        4,
        "{:#?}",
        convs
            .iter()
            .map(|c| (&c.id, c.turns.len()))
            .collect::<Vec<_>>()
    );

    let ebay = by_id(&convs, "eb1@ebay.example");
    assert_eq!(ebay.source.as_deref(), Some("ebay"));
    assert_eq!(ebay.channel, Channel::Marketplace);
    assert_eq!(
        roles(ebay),
        ["customer", "agent"],
        "the relay's Reply-To alias is the buyer"
    );
    assert_eq!(ebay.turns[1].text, "Yes, it does.", "phone tagline cut");
    assert_eq!(
        ebay.customer.as_ref().unwrap().id.as_deref(),
        Some("7f3a9c@members.ebay.com")
    );
    assert_eq!(
        ebay.customer.as_ref().unwrap().name,
        None,
        "the relay's name is not the buyer's"
    );
    assert_eq!(
        ebay.turns[0].author.as_deref(),
        Some("7f3a9c@members.ebay.com")
    );
    assert_eq!(
        ebay.order.as_ref().unwrap().marketplace.as_deref(),
        Some("ebay.com")
    );

    let fr = by_id(&convs, "fr1@example.fr");
    assert_eq!(roles(fr), ["customer", "agent", "customer"]);
    assert_eq!(
        fr.turns[1].text,
        "Bonjour Claire, nous envoyons un remplacement."
    );
    assert_eq!(
        fr.turns[2].text, "Merci beaucoup.",
        "Outlook header block in French stripped"
    );

    let zh = by_id(&convs, "zh1@example.cn");
    assert_eq!(
        roles(zh),
        ["customer", "agent", "bot"],
        "Auto-Submitted is a bot"
    );
    assert_eq!(
        zh.turns[0].text, "我要退款。\nFrom the tracking page it looks stuck.",
        ">From unescaped"
    );
    assert_eq!(zh.turns[1].text, "好的，我们会在三天内处理。");
    assert_eq!(zh.customer.as_ref().unwrap().name.as_deref(), Some("王伟"));

    // No Message-ID and no In-Reply-To: joined by the reply's subject between the same two
    // addresses.
    let vi = convs
        .iter()
        .find(|c| c.metadata.get("subject").is_some_and(|s| s == "Hoàn tiền"))
        .unwrap();
    assert!(vi.id.starts_with("earshot-"), "{}", vi.id);
    assert_eq!(roles(vi), ["customer", "agent"]);
    assert_eq!(vi.turns[1].text, "Chúng tôi đã hoàn tiền.");
}

#[test]
fn mbox_split_across_files_threads_together() {
    let whole = String::from_utf8(fixture("mbox/shop.mbox")).unwrap();
    let cut = whole
        .find("From client@example.fr Tue May  7 10:00")
        .unwrap();
    let inputs = vec![
        ("a.mbox".to_string(), whole.as_bytes()[..cut].to_vec()),
        ("b.mbox".to_string(), whole.as_bytes()[cut..].to_vec()),
    ];
    let out = earshot_ingest::formats::import_many(
        ImportFormat::Mbox,
        &inputs,
        &ImportOptions::default(),
    );
    let convs: Vec<_> = out.into_iter().filter_map(Result::ok).collect();
    assert_eq!(by_id(&convs, "fr1@example.fr").turns.len(), 3);
}

#[test]
fn not_an_mbox_is_one_error() {
    let out = import(
        ImportFormat::Mbox,
        "x.mbox",
        b"hello\nworld\n",
        &ImportOptions::default(),
    );
    assert_eq!(out.len(), 1);
    assert!(
        out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("no message found")
    );
}
