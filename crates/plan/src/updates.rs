//! The progress log: updates written in the plan file plus those recorded at run time (the web
//! app keeps them in the store's `plan_updates`), merged into one dated, append-only history.
//!
//! Pure: the caller loads the extra updates and passes them in.

use crate::model::{Action, ActionStatus, ProgressRag, ProgressUpdate};
use chrono::NaiveDate;

/// The file's updates followed by `extra`, in date order. Updates of the same date keep their
/// order (the file's first), so the later-recorded one wins when statuses are derived.
pub fn merged_updates(file: &[ProgressUpdate], extra: &[ProgressUpdate]) -> Vec<ProgressUpdate> {
    let mut all: Vec<ProgressUpdate> = file.iter().chain(extra).cloned().collect();
    all.sort_by_key(|u| u.date); // stable
    all
}

/// The updates dated on or before `as_of` (a report for a past month ignores later ones).
pub fn updates_until(updates: &[ProgressUpdate], as_of: NaiveDate) -> Vec<ProgressUpdate> {
    updates
        .iter()
        .filter(|u| u.date <= as_of)
        .cloned()
        .collect()
}

/// The `target` an update is stored under: the priority id, or `priority/action` for one action.
pub fn update_target(priority: &str, action: Option<&str>) -> String {
    match action {
        Some(a) => format!("{priority}/{a}"),
        None => priority.to_owned(),
    }
}

/// An update recorded at run time (stored as target, RAG word, date, author, commentary) as a
/// log entry: `target` is [`update_target`]'s; the RAG word `complete` is a green update that
/// marks the action Complete. `None` for a RAG word the plan does not know.
pub fn stored_update(
    target: &str,
    rag: &str,
    date: NaiveDate,
    author: &str,
    commentary: &str,
) -> Option<ProgressUpdate> {
    let (priority, action) = match target.split_once('/') {
        Some((p, a)) => (p.to_owned(), Some(a.to_owned())),
        None => (target.to_owned(), None),
    };
    let (rag, status) = match rag {
        "complete" => (
            ProgressRag::Green,
            action.as_ref().map(|_| ActionStatus::Complete),
        ),
        other => (ProgressRag::parse(other)?, None),
    };
    Some(ProgressUpdate {
        date,
        author: author.to_owned(),
        priority,
        action,
        rag,
        status,
        commentary: commentary.to_owned(),
    })
}

/// An action's status given the (merged, date-ordered) log: the status of the last update about
/// it that sets one, else the status written in the file.
pub fn current_status(priority: &str, action: &Action, updates: &[ProgressUpdate]) -> ActionStatus {
    updates
        .iter()
        .rev()
        .filter(|u| u.priority == priority && u.action.as_deref() == Some(action.id.as_str()))
        .find_map(|u| u.status)
        .unwrap_or(action.status)
}

/// The `n` most recent updates about a priority (or its actions), newest first.
pub fn latest_for_priority<'a>(
    priority: &str,
    updates: &'a [ProgressUpdate],
    n: usize,
) -> Vec<&'a ProgressUpdate> {
    updates
        .iter()
        .rev()
        .filter(|u| u.priority == priority)
        .take(n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_updates_map_to_log_entries() {
        let date: NaiveDate = "2019-09-01".parse().unwrap();
        let u = stored_update(
            &update_target("P1", Some("A2")),
            "complete",
            date,
            "HoS",
            "done",
        )
        .unwrap();
        assert_eq!(
            (u.priority.as_str(), u.action.as_deref(), u.rag, u.status),
            (
                "P1",
                Some("A2"),
                ProgressRag::Green,
                Some(ActionStatus::Complete)
            )
        );
        let u = stored_update(&update_target("P3", None), "amber", date, "HoS", "slow").unwrap();
        assert_eq!(
            (u.action, u.rag, u.status),
            (None, ProgressRag::Amber, None)
        );
        assert!(stored_update("P3", "purple", date, "HoS", "").is_none());
    }

    fn update(date: &str, action: Option<&str>, status: Option<ActionStatus>) -> ProgressUpdate {
        ProgressUpdate {
            date: date.parse().unwrap(),
            author: "Head of Service".into(),
            priority: "P1".into(),
            action: action.map(str::to_owned),
            rag: ProgressRag::Green,
            status,
            commentary: format!("update of {date}"),
        }
    }

    fn action(status: ActionStatus) -> Action {
        Action {
            id: "A1".into(),
            text: "Do it".into(),
            details: vec![],
            owner: "Owner".into(),
            due: None,
            recommendations: vec![],
            status,
        }
    }

    #[test]
    fn merged_log_is_date_ordered_and_the_latest_status_wins() {
        let file = vec![
            update("2019-08-01", Some("A1"), Some(ActionStatus::OnTrack)),
            update("2019-10-01", Some("A1"), Some(ActionStatus::AtRisk)),
        ];
        // Recorded in the web app: one between the file's two, one after.
        let extra = vec![
            update("2019-09-01", None, None),
            update("2019-11-01", Some("A1"), Some(ActionStatus::Complete)),
        ];
        let all = merged_updates(&file, &extra);
        let dates: Vec<String> = all.iter().map(|u| u.date.to_string()).collect();
        assert_eq!(
            dates,
            ["2019-08-01", "2019-09-01", "2019-10-01", "2019-11-01"]
        );
        let a = action(ActionStatus::NotStarted);
        assert_eq!(current_status("P1", &a, &all), ActionStatus::Complete);
        // A pack for September sees only what was known by then.
        let september = updates_until(&all, "2019-09-30".parse().unwrap());
        assert_eq!(current_status("P1", &a, &september), ActionStatus::OnTrack);
        // No update about the action: the file's status stands; another priority's is ignored.
        assert_eq!(
            current_status("P2", &action(ActionStatus::OffTrack), &all),
            ActionStatus::OffTrack
        );
        let latest: Vec<String> = latest_for_priority("P1", &all, 2)
            .iter()
            .map(|u| u.commentary.clone())
            .collect();
        assert_eq!(latest, ["update of 2019-11-01", "update of 2019-10-01"]);
    }

    #[test]
    fn same_day_updates_keep_recording_order() {
        let file = vec![update("2019-08-01", Some("A1"), Some(ActionStatus::AtRisk))];
        let extra = vec![update(
            "2019-08-01",
            Some("A1"),
            Some(ActionStatus::OffTrack),
        )];
        let all = merged_updates(&file, &extra);
        let a = action(ActionStatus::NotStarted);
        assert_eq!(current_status("P1", &a, &all), ActionStatus::OffTrack);
    }
}
