//! A small per-thread memory of turn results, so that a text seen again (an agent's macro, "thank
//! you", "ok") is not analysed again.
//!
//! The turn stage is a pure function of the text, its role, its language and whether it is an
//! internal note; only the findings carry the turn's position, and that is set again on a hit. The
//! memory is per thread (no locks), bounded in entries and in the length of the texts it keeps,
//! and keyed by the engine as well, so engines built differently never share results.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use earshot_model::Role;
use earshot_text::Lang;
use hashlink::LruCache;

use crate::turn::TurnResult;

/// Texts longer than this (in bytes) are rarely repeated word for word; they are not kept.
pub(crate) const MAX_TEXT_BYTES: usize = 256;
/// Entries per thread: a few megabytes at most.
const CAPACITY: usize = 2048;

#[derive(Hash, PartialEq, Eq)]
struct Key {
    engine: u64,
    role: Role,
    internal: bool,
    lang: Lang,
    text: Box<str>,
}

thread_local! {
    static MEMORY: RefCell<LruCache<Key, TurnResult>> = RefCell::new(LruCache::new(CAPACITY));
}

/// A process-unique number for an engine, part of every key.
pub(crate) fn engine_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The result of the turn stage for `text`, from memory when this thread saw the same turn
/// before, else from `compute` (and then remembered).
pub(crate) fn turn(
    engine: u64,
    index: usize,
    role: Role,
    text: &str,
    internal: bool,
    lang: Lang,
    compute: impl FnOnce() -> TurnResult,
) -> TurnResult {
    if text.len() > MAX_TEXT_BYTES {
        return compute();
    }
    let key = Key {
        engine,
        role,
        internal,
        lang,
        text: text.into(),
    };
    let hit = MEMORY.with(|m| m.borrow_mut().get(&key).cloned());
    if let Some(mut r) = hit {
        for f in &mut r.findings {
            f.turn = Some(index as u32);
        }
        return r;
    }
    let r = compute();
    MEMORY.with(|m| m.borrow_mut().insert(key, r.clone()));
    r
}
