//! eBay Commerce Message API.

mod support;

use earshot_ingest::formats::{ImportFormat, ImportOptions};
use earshot_model::Channel;
use support::{by_id, roles, run, run_with};

#[test]
fn conversation_with_messages() {
    let (convs, errs) = run(ImportFormat::Ebay, "ebay/conversation.json");
    assert!(errs.is_empty(), "{errs:?}");
    let c = &convs[0];
    assert_eq!(c.id, "c-8812");
    assert_eq!(c.channel, Channel::Marketplace);
    assert_eq!(c.source.as_deref(), Some("ebay"));
    // Without options the first writer is the buyer.
    assert_eq!(roles(c), ["customer", "agent", "customer"]);
    assert_eq!(
        c.customer.as_ref().unwrap().id.as_deref(),
        Some("buyer_mx_77")
    );
    assert_eq!(c.agents[0].id, "gadget_outlet");
    assert_eq!(c.metadata["reference_id"], "315500112233");
    assert_eq!(c.turns[1].at.unwrap().to_string(), "2024-05-07T15:10:00Z");
}

#[test]
fn list_with_latest_messages_and_seller_name() {
    let opts = ImportOptions {
        support_addresses: vec!["Gadget_Outlet".into()],
        ..ImportOptions::default()
    };
    let (convs, errs) = run_with(ImportFormat::Ebay, "ebay/conversations.json", &opts);
    assert_eq!(convs.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].field.as_deref(),
        Some("conversations[1].latestMessage.messageBody")
    );
    assert_eq!(errs[0].line, 2);
    assert_eq!(
        roles(by_id(&convs, "c-9001")),
        ["agent"],
        "the seller's own name"
    );
    let from_ebay = by_id(&convs, "c-9003");
    assert_eq!(roles(from_ebay), ["system"]);
    assert_eq!(
        from_ebay.turns[0].text,
        "A return request was opened for order 12-34567-89012."
    );
}
