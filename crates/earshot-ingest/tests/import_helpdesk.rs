//! Helpdesk and chat tool exports: Zendesk, Freshdesk, Gorgias, Intercom, Help Scout, Chatwoot,
//! LiveChat.

mod support;

use earshot_ingest::formats::{ImportFormat, ImportOptions};
use earshot_model::{Channel, Role};
use support::{by_id, roles, run, run_with};

#[test]
fn zendesk_ticket_with_comments_and_users() {
    let (convs, errs) = run(ImportFormat::Zendesk, "zendesk/ticket_with_comments.json");
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(convs.len(), 1);
    let c = &convs[0];
    assert_eq!(c.id, "35436");
    assert_eq!(c.source.as_deref(), Some("zendesk"));
    assert_eq!(c.channel, Channel::Email);
    assert_eq!(roles(c), ["customer", "agent", "agent", "customer"]);
    assert!(c.turns[1].internal, "public: false is an internal note");
    assert!(!c.turns[2].internal);
    assert_eq!(c.turns[1].author.as_deref(), Some("tom@shop.example"));
    // The e-mail comment's quoted reply is stripped.
    assert_eq!(c.turns[3].text, "Das ist inakzeptabel!");
    let customer = c.customer.as_ref().unwrap();
    assert_eq!(customer.id.as_deref(), Some("lena@example.de"));
    assert_eq!(customer.name.as_deref(), Some("Lena M."));
    assert_eq!(c.tags, ["lieferung", "de"]);
    assert_eq!(c.agents.len(), 1);
    assert_eq!(c.agents[0].name.as_deref(), Some("Tom Agent"));
    assert_eq!(c.metadata["subject"], "Bestellung #A-1042 nicht angekommen");
    assert_eq!(c.metadata["customer_locale"], "de");
    assert_eq!(c.started_at.unwrap().to_string(), "2024-05-02T08:14:09Z");
    assert_eq!(c.ended_at.unwrap().to_string(), "2024-05-02T10:30:00Z");
}

#[test]
fn zendesk_incremental_export_dedupes_and_reports_bad_ticket() {
    let (convs, errs) = run(ImportFormat::Zendesk, "zendesk/incremental_export.json");
    assert_eq!(convs.len(), 2, "{convs:?}");
    assert_eq!(errs.len(), 1);
    let e = &errs[0];
    assert_eq!(e.field.as_deref(), Some("tickets[2].comments[1].author_id"));
    assert_eq!(e.id.as_deref(), Some("103"));
    assert_eq!(e.line, 3, "the third ticket record");
    assert!(e.message.contains("missing field `author_id`"), "{e}");
    // Ticket 101 appears twice; the later version, with three comments, wins.
    let t101 = by_id(&convs, "101");
    assert_eq!(t101.turns.len(), 3);
    assert_eq!(roles(t101), ["customer", "agent", "customer"]);
    assert_eq!(t101.agents[0].id, "ivy@shop.example");
    assert!(t101.tags.contains(&"closed_by_merge".to_string()));
    assert_eq!(
        t101.channel,
        Channel::Email,
        "a web form is answered by e-mail"
    );
    // Ticket 102 has no comments: its description is the customer's first message.
    let t102 = by_id(&convs, "102");
    assert_eq!(t102.turns.len(), 1);
    assert_eq!(t102.turns[0].role, Role::Customer);
    assert_eq!(t102.turns[0].text, "注文した商品がまだ届きません。");
    assert_eq!(t102.channel, Channel::Chat);
}

#[test]
fn zendesk_json_lines_pages_go_on_after_a_bad_line() {
    let (convs, errs) = run(ImportFormat::Zendesk, "zendesk/pages.jsonl");
    assert_eq!(convs.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 2);
    assert!(errs[0].message.contains("not valid JSON"), "{}", errs[0]);
    let t203 = by_id(&convs, "203");
    assert_eq!(
        roles(t203),
        ["agent", "customer"],
        "without users, the requester is the customer"
    );
}

#[test]
fn freshdesk_ticket_with_conversations() {
    let (convs, errs) = run(
        ImportFormat::Freshdesk,
        "freshdesk/ticket_with_conversations.json",
    );
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "3120");
    assert_eq!(c.channel, Channel::Email);
    // The description is the first turn; conversations are put in time order.
    assert_eq!(roles(c), ["customer", "agent", "agent", "customer"]);
    assert_eq!(
        c.turns[0].text,
        "荷物が破損して届きました。写真を添付します。"
    );
    assert!(c.turns[1].internal);
    assert_eq!(c.turns[1].text, "Replacement approved by lead.");
    assert_eq!(
        c.turns[3].text, "ありがとうございます。",
        "Gmail's Japanese quote header is stripped"
    );
    assert_eq!(
        c.customer.as_ref().unwrap().id.as_deref(),
        Some("kenji@example.jp")
    );
    assert_eq!(
        c.customer.as_ref().unwrap().name.as_deref(),
        Some("Kenji T.")
    );
    assert_eq!(c.metadata["status"], "open");
    assert_eq!(c.tags, ["damage", "jp"]);
}

#[test]
fn freshdesk_conversation_list_groups_by_ticket() {
    let (convs, errs) = run(ImportFormat::Freshdesk, "freshdesk/conversations.json");
    assert_eq!(convs.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field.as_deref(), Some("[1].incoming"));
    assert_eq!(errs[0].id.as_deref(), Some("3201"));
    let t = by_id(&convs, "3200");
    assert_eq!(roles(t), ["customer", "agent"]);
    assert_eq!(t.turns[1].text, "It was issued today.");
    assert_eq!(by_id(&convs, "3202").turns[0].text, "Danke!");
}

#[test]
fn gorgias_ticket_with_bot_note_and_html() {
    let (convs, errs) = run(ImportFormat::Gorgias, "gorgias/ticket.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "5521");
    assert_eq!(c.language.as_deref(), Some("es"));
    assert_eq!(roles(c), ["customer", "bot", "agent", "agent"]);
    assert_eq!(
        c.turns[0].text, "Hola, ¿cuándo llega mi pedido?",
        "stripped_text is preferred"
    );
    assert!(c.turns[2].internal);
    assert_eq!(
        c.turns[3].text,
        "Hola Marta,\n\nLlega el jueves. ¡Disculpa el retraso!"
    );
    assert_eq!(c.tags, ["envío", "urgente"]);
    // Zone-less datetimes are UTC.
    assert_eq!(
        c.turns[0].at.unwrap().to_string(),
        "2024-05-04T10:02:33.12Z"
    );
    assert_eq!(
        c.customer.as_ref().unwrap().id.as_deref(),
        Some("marta@example.es")
    );
}

#[test]
fn gorgias_message_list_reports_missing_side() {
    let (convs, errs) = run(ImportFormat::Gorgias, "gorgias/messages.json");
    assert_eq!(convs.len(), 1);
    assert_eq!(roles(&convs[0]), ["customer", "agent"]);
    assert_eq!(convs[0].channel, Channel::Chat);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field.as_deref(), Some("data[1].from_agent"));
}

#[test]
fn intercom_conversation_parts() {
    let (convs, errs) = run(ImportFormat::Intercom, "intercom/conversation.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "2170");
    assert_eq!(c.channel, Channel::Chat);
    // The assignment event has no body and adds no turn; the AI agent's answer is a bot turn.
    assert_eq!(roles(c), ["customer", "agent", "agent", "customer", "bot"]);
    assert_eq!(c.turns[0].text, "Veio o tamanho errado 😢");
    assert!(c.turns[2].internal);
    assert_eq!(c.turns[1].at.unwrap().as_second(), 1_714_731_000);
    assert_eq!(c.tags, ["exchange"]);
    assert_eq!(c.metadata["conversation_rating"]["rating"], 4);
}

#[test]
fn intercom_list_with_a_bad_author() {
    let (convs, errs) = run(ImportFormat::Intercom, "intercom/conversations.json");
    assert_eq!(convs.len(), 1);
    assert_eq!(convs[0].channel, Channel::Email);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].field.as_deref(),
        Some("conversations[1].source.author.type")
    );
    assert_eq!(errs[0].line, 2);
}

#[test]
fn helpscout_threads_are_sorted_and_filtered() {
    let (convs, errs) = run(ImportFormat::Helpscout, "helpscout/conversation.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "88001");
    // Newest-first threads in time order; the lineitem and the draft are left out.
    assert_eq!(roles(c), ["customer", "agent", "agent"]);
    assert_eq!(c.turns[0].text, "أين المبلغ المسترد؟ لقد انتظرت أسبوعين.");
    assert!(c.turns[1].internal);
    assert_eq!(
        c.turns[2].text, "Refund issued.",
        "the Gmail quote is stripped"
    );
    assert_eq!(c.tags, ["refund"]);
    assert_eq!(
        c.customer.as_ref().unwrap().name.as_deref(),
        Some("Omar K.")
    );
    assert_eq!(c.agents[0].name.as_deref(), Some("Ivy Lo"));
}

#[test]
fn helpscout_thread_list_takes_the_file_name_as_id() {
    let (convs, errs) = run(ImportFormat::Helpscout, "helpscout/88002.json");
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(convs[0].id, "88002");
    assert_eq!(roles(&convs[0]), ["customer", "agent"]);
}

#[test]
fn chatwoot_message_list() {
    let (convs, errs) = run(ImportFormat::Chatwoot, "chatwoot/messages.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "33");
    assert_eq!(
        roles(c),
        ["customer", "bot", "system", "agent", "agent", "customer"]
    );
    assert!(c.turns[3].internal);
    assert_eq!(c.turns[4].text, "Sí, enviamos a todo Chile en 5 días.");
    assert_eq!(c.turns[5].text, "[attachment: image]");
    assert_eq!(c.tags, ["shipping"]);
    assert_eq!(
        c.customer.as_ref().unwrap().id.as_deref(),
        Some("diego@example.cl")
    );
    assert_eq!(c.agents[0].id, "carla@shop.example");
}

#[test]
fn chatwoot_conversation_list() {
    let (convs, errs) = run(ImportFormat::Chatwoot, "chatwoot/conversations.json");
    assert_eq!(convs.len(), 1);
    let c = &convs[0];
    assert_eq!(c.channel, Channel::Chat);
    assert_eq!(c.tags, ["refund"]);
    assert_eq!(c.customer.as_ref().unwrap().name.as_deref(), Some("Wei"));
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].field.as_deref(),
        Some("data.payload[1].messages[0].message_type")
    );
    assert_eq!(errs[0].id.as_deref(), Some("41"));
}

#[test]
fn livechat_chat_with_threads() {
    let (convs, errs) = run(ImportFormat::Livechat, "livechat/chat.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "QX1");
    assert_eq!(c.channel, Channel::Chat);
    assert_eq!(
        roles(c),
        [
            "customer", "agent", "agent", "system", "customer", "customer"
        ]
    );
    assert!(c.turns[2].internal, "visibility: agents");
    assert_eq!(c.turns[4].text, "[file: receipt.pdf]");
    assert_eq!(
        c.turns[0].at.unwrap().to_string(),
        "2024-05-06T07:00:01.123456Z"
    );
    assert_eq!(c.tags, ["stock", "followup"]);
    assert_eq!(
        c.customer.as_ref().unwrap().id.as_deref(),
        Some("somchai@example.th")
    );
    assert_eq!(c.metadata["thread_ids"], serde_json::json!(["TH9", "TH10"]));
}

#[test]
fn livechat_archives_go_on_after_a_bad_chat() {
    let (convs, errs) = run(ImportFormat::Livechat, "livechat/archives.json");
    assert_eq!(convs.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].field.as_deref(),
        Some("chats[1].thread.events[0].author_id")
    );
    assert_eq!(errs[0].id.as_deref(), Some("A2"));
}

#[test]
fn workspace_option_is_applied() {
    let opts = ImportOptions {
        workspace: Some("brand-eu".into()),
        ..ImportOptions::default()
    };
    let (convs, _) = run_with(
        ImportFormat::Zendesk,
        "zendesk/ticket_with_comments.json",
        &opts,
    );
    assert_eq!(convs[0].workspace.as_deref(), Some("brand-eu"));
}
