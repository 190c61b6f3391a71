//! A customer's history: the risk of a conversation whose customer complained before is scored
//! again with what the store knows of their earlier conversations. The engine keeps no state
//! between conversations; this is where the store and the engine meet.

use earshot_engine::{CustomerHistory, Engine, HistoryQuery};
use earshot_model::{Analysis, Conversation};

/// Scores again the conversations of customers who complained before (within
/// [`earshot_engine::HISTORY_DAYS`] before this conversation started) and returns the
/// indices of the analyses it changed.
pub fn apply<'c>(
    engine: &Engine,
    store: &dyn earshot_store::Store,
    convs: impl IntoIterator<Item = &'c Conversation>,
    analyses: &mut [Analysis],
) -> earshot_store::Result<Vec<usize>> {
    let now = jiff::Timestamp::now();
    let mut changed = Vec::new();
    for (i, (conv, a)) in convs.into_iter().zip(analyses.iter_mut()).enumerate() {
        let Some(q) = HistoryQuery::of(conv, &a.findings, now) else {
            continue;
        };
        let p = store.prior_contacts(&a.workspace, &q.customer_id, &conv.id, &q.from, &q.to)?;
        if p.complaints == 0 {
            continue;
        }
        let history = CustomerHistory {
            conversations: p.conversations,
            complaints: p.complaints,
            threats: p.threats,
            max_risk: p.max_risk,
        };
        engine.rescore(conv, a, &history);
        changed.push(i);
    }
    Ok(changed)
}
