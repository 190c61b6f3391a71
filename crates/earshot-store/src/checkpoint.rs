//! Checkpoints of the SQLite write-ahead log on a thread of their own.
//!
//! By default SQLite copies the log back into the database file inside the commit that makes the
//! log long enough, on the writer's own time: about a fifth of a batch save. A store that saves
//! batches hands that work to this thread instead: after each commit the writer sends a signal,
//! and a second connection runs a passive checkpoint (it never blocks the writer or readers).
//! The log stays about one batch long, because each checkpoint finishes while the writer is
//! building its next batch. When the store closes, its last connection checkpoints what is left.

use std::path::Path;
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

use rusqlite::Connection;

pub(crate) struct Checkpointer {
    signal: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Opens a second connection to `path` and starts the thread. `None` when the connection
    /// cannot be opened: the writer then keeps checkpointing itself.
    pub(crate) fn start(path: &Path) -> Option<Checkpointer> {
        let conn = Connection::open(path).ok()?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).ok()?;
        let (signal, wake) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("earshot-checkpoint".into())
            .spawn(move || {
                for () in wake {
                    // A passive checkpoint copies what it can without waiting. One that fails
                    // (the file is busy, the disk is full) loses nothing: the frames stay in the
                    // log, the next checkpoint or the closing connection copies them, and the
                    // writer reports any error of its own.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .ok()?;
        Some(Checkpointer {
            signal: Some(signal),
            thread: Some(thread),
        })
    }

    /// Asks for a checkpoint after a commit; one already asked for and not yet begun is enough.
    pub(crate) fn after_commit(&self) {
        if let Some(s) = &self.signal {
            match s.try_send(()) {
                Ok(()) | Err(TrySendError::Full(())) | Err(TrySendError::Disconnected(())) => {}
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread after the checkpoint it is running, if any.
        self.signal = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
