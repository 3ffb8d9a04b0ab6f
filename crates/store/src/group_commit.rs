//! Group commit for audit appends: concurrent callers queue their entries, and whichever caller
//! finds no write in progress becomes the leader and writes everything queued so far in one
//! transaction (one chain-head read, one commit, one fsync), then hands each caller its stored
//! entry. Under load a request waits for at most about two transactions instead of queueing
//! behind every other request's, and the queue is first come, first served, so no caller starves.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::app::{AuditEntry, NewAuditEntry};
use crate::error::{BackendError, StoreError};

/// The queue of audit entries waiting to be written, shared by all callers of one store.
#[derive(Default)]
pub(crate) struct GroupCommit {
    state: Mutex<State>,
    written: Condvar,
}

#[derive(Default)]
struct State {
    next_ticket: u64,
    queue: Vec<(u64, NewAuditEntry)>,
    leader_active: bool,
    results: HashMap<u64, Result<AuditEntry, StoreError>>,
}

impl GroupCommit {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Every update of the state is a single push, take or insert: it stays consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Appends `entry` through `write_batch`, which must store the entries it is given, in order,
    /// in one transaction, and return them as stored.
    pub(crate) fn append(
        &self,
        entry: &NewAuditEntry,
        write_batch: impl Fn(&[NewAuditEntry]) -> Result<Vec<AuditEntry>, StoreError>,
    ) -> Result<AuditEntry, StoreError> {
        let mut state = self.lock();
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.queue.push((ticket, entry.clone()));
        loop {
            if let Some(result) = state.results.remove(&ticket) {
                return result;
            }
            if state.leader_active {
                state = self
                    .written
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            state.leader_active = true;
            let batch = std::mem::take(&mut state.queue);
            drop(state);
            let mut leader = Leader {
                group: self,
                tickets: batch.iter().map(|(t, _)| *t).collect(),
                outcome: None,
            };
            let entries: Vec<NewAuditEntry> = batch.into_iter().map(|(_, e)| e).collect();
            leader.outcome = Some(write_batch(&entries));
            drop(leader);
            state = self.lock();
        }
    }
}

/// Hands out the batch's results when dropped, also when `write_batch` panicked, so that no
/// caller waits forever.
struct Leader<'g> {
    group: &'g GroupCommit,
    tickets: Vec<u64>,
    outcome: Option<Result<Vec<AuditEntry>, StoreError>>,
}

impl Drop for Leader<'_> {
    fn drop(&mut self) {
        let mut state = self.group.lock();
        let failure = |problem: String| {
            Err(StoreError::Database {
                action: "appending to the audit log",
                source: BackendError::new(std::io::Error::other(problem)),
            })
        };
        match self.outcome.take() {
            Some(Ok(stored)) if stored.len() == self.tickets.len() => {
                for (ticket, entry) in self.tickets.iter().zip(stored) {
                    state.results.insert(*ticket, Ok(entry));
                }
            }
            Some(Ok(stored)) => {
                let problem = format!("{} of {} entries written", stored.len(), self.tickets.len());
                for ticket in &self.tickets {
                    state.results.insert(*ticket, failure(problem.clone()));
                }
            }
            Some(Err(err)) => {
                // Every caller gets the cause; the first (often the leader) the original error.
                let problem = err.to_string()
                    + &std::error::Error::source(&err)
                        .map(|s| format!(": {s}"))
                        .unwrap_or_default();
                let mut err = Some(err);
                for ticket in &self.tickets {
                    let result = match err.take() {
                        Some(err) => Err(err),
                        None => failure(problem.clone()),
                    };
                    state.results.insert(*ticket, result);
                }
            }
            None => {
                for ticket in &self.tickets {
                    state
                        .results
                        .insert(*ticket, failure("the audit writer panicked".to_owned()));
                }
            }
        }
        state.leader_active = false;
        drop(state);
        self.group.written.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{GENESIS_HASH, chain_entry};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn entry(subject: &str) -> NewAuditEntry {
        NewAuditEntry {
            at: "2026-01-05T09:00:00".parse().unwrap(),
            user_name: "amy".to_owned(),
            role: "admin".to_owned(),
            action: "view_child".to_owned(),
            subject: subject.to_owned(),
            page: "/".to_owned(),
        }
    }

    /// A chain kept in memory, standing in for a backend.
    #[derive(Default)]
    struct Chain {
        log: Mutex<Vec<AuditEntry>>,
        batches: AtomicUsize,
    }

    impl Chain {
        fn write(&self, entries: &[NewAuditEntry]) -> Result<Vec<AuditEntry>, StoreError> {
            self.batches.fetch_add(1, Ordering::SeqCst);
            let mut log = self.log.lock().unwrap();
            let mut out = Vec::new();
            for e in entries {
                let (seq, prev) = log.last().map_or((1, GENESIS_HASH.to_owned()), |l| {
                    (l.seq + 1, l.hash.clone())
                });
                let stored = chain_entry(&prev, seq, e);
                log.push(stored.clone());
                out.push(stored);
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
            Ok(out)
        }
    }

    #[test]
    fn concurrent_appends_are_batched_and_each_caller_gets_its_own_entry() {
        let group = Arc::new(GroupCommit::default());
        let chain = Arc::new(Chain::default());
        let threads: Vec<_> = (0..16)
            .map(|t| {
                let (group, chain) = (Arc::clone(&group), Arc::clone(&chain));
                std::thread::spawn(move || {
                    for i in 0..20 {
                        let subject = format!("child:{t}-{i}");
                        let stored = group.append(&entry(&subject), |b| chain.write(b)).unwrap();
                        assert_eq!(stored.subject, subject);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let log = chain.log.lock().unwrap();
        assert_eq!(log.len(), 320);
        assert!(log.iter().enumerate().all(|(i, e)| e.seq == i as i64 + 1));
        assert!(
            chain.batches.load(Ordering::SeqCst) < 320,
            "some appends shared a batch"
        );
    }

    #[test]
    fn a_failed_batch_fails_its_callers_and_the_next_one_succeeds() {
        let group = GroupCommit::default();
        let err = group
            .append(&entry("child:C1"), |_| {
                Err(StoreError::Invalid {
                    what: "test",
                    problem: "refused".to_owned(),
                })
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "invalid test: refused");
        let chain = Chain::default();
        let stored = group
            .append(&entry("child:C2"), |b| chain.write(b))
            .unwrap();
        assert_eq!(stored.seq, 1);
    }

    #[test]
    fn a_panicking_writer_does_not_leave_callers_waiting() {
        let group = Arc::new(GroupCommit::default());
        let panicking = Arc::clone(&group);
        let joined = std::thread::spawn(move || {
            panicking.append(&entry("child:C1"), |_| panic!("backend bug"))
        })
        .join();
        assert!(joined.is_err());
        let chain = Chain::default();
        assert!(group.append(&entry("child:C2"), |b| chain.write(b)).is_ok());
    }
}
