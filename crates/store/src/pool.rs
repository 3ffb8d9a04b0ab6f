//! A small blocking connection pool shared by both backends: at most `max` connections, opened on
//! demand and kept idle for reuse; callers wait when all are in use.
//!
//! Small on purpose: the store needs nothing more than "borrow, use, give back, drop the broken
//! ones", and owning it keeps the SQLite and PostgreSQL backends on the same code.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::error::StoreError;

type Connect<C> = Box<dyn Fn() -> Result<C, StoreError> + Send + Sync>;

/// Connections of type `C`.
pub(crate) struct Pool<C> {
    state: Mutex<State<C>>,
    returned: Condvar,
    max: usize,
    connect: Connect<C>,
}

struct State<C> {
    idle: Vec<C>,
    /// Connections in existence: idle plus lent.
    open: usize,
}

impl<C: Send> Pool<C> {
    /// A pool opening connections with `connect`, at most `max` (at least 1) at a time.
    pub(crate) fn new(
        max: usize,
        connect: impl Fn() -> Result<C, StoreError> + Send + Sync + 'static,
    ) -> Self {
        Pool {
            state: Mutex::new(State {
                idle: Vec::new(),
                open: 0,
            }),
            returned: Condvar::new(),
            max: max.max(1),
            connect: Box::new(connect),
        }
    }

    /// A pool starting with `first` idle (the connection that ran the migrations).
    pub(crate) fn with_first(
        max: usize,
        first: C,
        connect: impl Fn() -> Result<C, StoreError> + Send + Sync + 'static,
    ) -> Self {
        let pool = Self::new(max, connect);
        {
            let mut state = pool.lock();
            state.idle.push(first);
            state.open = 1;
        }
        pool
    }

    fn lock(&self) -> MutexGuard<'_, State<C>> {
        // A panic while holding the lock leaves the state consistent (push/pop/count only).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Borrows a connection, opening one when none is idle and fewer than `max` exist, waiting
    /// otherwise.
    pub(crate) fn get(&self) -> Result<Pooled<'_, C>, StoreError> {
        let mut state = self.lock();
        loop {
            if let Some(conn) = state.idle.pop() {
                return Ok(Pooled {
                    pool: self,
                    conn: Some(conn),
                });
            }
            if state.open < self.max {
                state.open += 1;
                drop(state);
                return match (self.connect)() {
                    Ok(conn) => Ok(Pooled {
                        pool: self,
                        conn: Some(conn),
                    }),
                    Err(err) => {
                        self.lock().open -= 1;
                        self.returned.notify_one();
                        Err(err)
                    }
                };
            }
            state = self
                .returned
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    #[cfg(test)]
    fn open_count(&self) -> usize {
        self.lock().open
    }
}

/// A borrowed connection, given back when dropped.
pub(crate) struct Pooled<'p, C: Send> {
    pool: &'p Pool<C>,
    conn: Option<C>,
}

impl<C: Send> Pooled<'_, C> {
    /// Closes the connection instead of giving it back (after it broke).
    pub(crate) fn discard(mut self) {
        self.conn = None;
    }
}

impl<C: Send> Deref for Pooled<'_, C> {
    type Target = C;
    fn deref(&self) -> &C {
        // Only `discard` and `drop` take it, and both consume the guard.
        self.conn.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl<C: Send> DerefMut for Pooled<'_, C> {
    fn deref_mut(&mut self) -> &mut C {
        self.conn.as_mut().unwrap_or_else(|| unreachable!())
    }
}

impl<C: Send> Drop for Pooled<'_, C> {
    fn drop(&mut self) {
        let mut state = self.pool.lock();
        match self.conn.take() {
            Some(conn) => state.idle.push(conn),
            None => state.open -= 1,
        }
        drop(state);
        self.pool.returned.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn connections_are_reused_and_capped() {
        let opened = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&opened);
        let pool = Arc::new(Pool::new(2, move || {
            Ok(counter.fetch_add(1, Ordering::SeqCst))
        }));
        {
            let a = pool.get().unwrap();
            let b = pool.get().unwrap();
            assert_eq!((*a, *b), (0, 1));
        }
        let again = pool.get().unwrap();
        assert!(*again < 2, "reused an idle connection");
        drop(again);

        // Eight threads borrowing at once never make more than two connections.
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let pool = Arc::clone(&pool);
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        let conn = pool.get().unwrap();
                        assert!(*conn < 2);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(opened.load(Ordering::SeqCst), 2);
        assert_eq!(pool.open_count(), 2);
    }

    #[test]
    fn a_discarded_or_failed_connection_frees_its_place() {
        let fail = Arc::new(AtomicUsize::new(1));
        let flag = Arc::clone(&fail);
        let pool = Pool::new(1, move || {
            if flag.fetch_sub(1, Ordering::SeqCst) == 1 {
                Err(StoreError::Cancelled)
            } else {
                Ok(7)
            }
        });
        assert!(pool.get().is_err());
        assert_eq!(pool.open_count(), 0);
        let conn = pool.get().unwrap();
        conn.discard();
        assert_eq!(pool.open_count(), 0);
        assert_eq!(*pool.get().unwrap(), 7);
    }
}
