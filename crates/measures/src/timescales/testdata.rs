//! Test helpers over the shared builders of `testkit`: one child's tasks of one kind, and the
//! (due, done, status) shape golden values are written in.

pub(crate) use crate::testkit::*;

use super::{Task, TaskKind, TaskStatus};
use chrono::NaiveDate;

/// The tasks of `kind` of the dataset's first child, as they stood on `as_of`. Computed the way
/// indicators and history compute them (gathering only the records the timescale declares it
/// reads), so a timescale that forgets to declare a kind fails its tests.
pub(crate) fn timeline(ds: &Dataset, kind: TaskKind, as_of: NaiveDate) -> Vec<Task> {
    let mut tasks = super::collect(&ds.context(), &[kind], as_of, |_| true, |_| as_of);
    tasks.retain(|t| t.child == 0);
    tasks
}

/// (due, done, status) of each task.
pub(crate) fn summary(tasks: &[Task]) -> Vec<(NaiveDate, Option<NaiveDate>, TaskStatus)> {
    tasks.iter().map(|t| (t.due, t.done, t.status)).collect()
}

/// The status of the only (or last) task of `kind` on `as_of`.
pub(crate) fn status_on(ds: &Dataset, kind: TaskKind, as_of: NaiveDate) -> Option<TaskStatus> {
    timeline(ds, kind, as_of).last().map(|t| t.status)
}

/// The tasks outstanding on `as_of` across the dataset (the worklist face).
pub(crate) fn open_tasks(ds: &Dataset, as_of: NaiveDate) -> Vec<Task> {
    super::tasks(&ds.context(), as_of)
}
