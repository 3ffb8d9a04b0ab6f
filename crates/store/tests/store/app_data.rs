//! The application store (users, sessions, failed logins, audit log, plan updates, validation
//! findings), on both backends.

use chrono::{Duration, NaiveDateTime};
use sightline_model::CaseRecords;
use sightline_store::{
    AppStore, AuditFilter, GENESIS_HASH, NewAuditEntry, NewPlanUpdate, NewSession, NewUser,
    NewValidationRun, SnapshotId, StoreError, StoredFinding,
};

use crate::backends::{Fresh, on_both_backends};
use crate::{fixture, snapshot};

on_both_backends!(
    users_are_added_found_listed_and_changed,
    duplicate_user_names_are_refused,
    changing_an_unknown_user_is_an_error,
    sessions_are_found_until_they_expire,
    sessions_of_disabled_users_are_not_returned,
    expired_sessions_are_deleted,
    a_session_for_an_unknown_user_is_refused,
    login_failures_are_counted_per_name_since_a_time,
    the_audit_log_chains_each_entry_to_the_previous,
    the_audit_log_is_filtered_newest_first,
    the_audit_log_refuses_edits_and_its_chain_detects_tampering,
    concurrent_audit_appends_keep_the_chain_linear,
    appends_from_two_instances_keep_one_chain,
    plan_updates_are_kept_in_order_per_plan,
    a_plan_update_with_an_unknown_rag_is_refused,
    validation_runs_and_findings_round_trip,
    validation_of_an_unknown_snapshot_is_refused,
    snapshot_reads_and_imports_through_the_app_store,
);

fn at(text: &str) -> NaiveDateTime {
    text.parse().unwrap()
}

fn new_user(name: &str, role: &str) -> NewUser {
    NewUser {
        name: name.to_owned(),
        role: role.to_owned(),
        team: Some("Team North".to_owned()),
        password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1$salt${name}"),
        created_at: at("2026-01-05T09:00:00"),
    }
}

fn session_for(user_id: i64, token: &str, expires: &str) -> NewSession {
    NewSession {
        token_hash: token.to_owned(),
        user_id,
        csrf_token: format!("csrf-{token}"),
        created_at: at("2026-01-05T09:00:00"),
        expires_at: at(expires),
    }
}

fn audit(user: &str, subject: &str, when: &str) -> NewAuditEntry {
    NewAuditEntry {
        at: at(when),
        user_name: user.to_owned(),
        role: "social_worker".to_owned(),
        action: "view_child".to_owned(),
        subject: subject.to_owned(),
        page: format!("/{subject}"),
    }
}

fn users_are_added_found_listed_and_changed(fresh: Fresh) {
    let store = fresh.app;
    let zoe = store.add_user(&new_user("zoe", "admin")).unwrap();
    let amy = store.add_user(&new_user("amy", "social_worker")).unwrap();
    assert_ne!(zoe.id, amy.id);
    assert_eq!(amy.name, "amy");
    assert_eq!(amy.team.as_deref(), Some("Team North"));
    assert_eq!(amy.created_at, at("2026-01-05T09:00:00"));
    assert!(!amy.disabled);

    assert_eq!(store.user_by_name("amy").unwrap(), Some(amy.clone()));
    assert_eq!(store.user_by_name("Amy").unwrap(), None);
    let names: Vec<String> = store.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["amy", "zoe"]);

    store.set_password(amy.id, "$argon2id$new").unwrap();
    store.set_disabled(amy.id, true).unwrap();
    let changed = store.user_by_name("amy").unwrap().unwrap();
    assert_eq!(changed.password_hash, "$argon2id$new");
    assert!(changed.disabled);
    store.set_disabled(amy.id, false).unwrap();
    assert!(!store.user_by_name("amy").unwrap().unwrap().disabled);
    // The other user is untouched.
    assert_eq!(store.user_by_name("zoe").unwrap(), Some(zoe));
}

fn duplicate_user_names_are_refused(fresh: Fresh) {
    let store = fresh.app;
    store.add_user(&new_user("amy", "admin")).unwrap();
    let err = store.add_user(&new_user("amy", "analyst")).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(err.to_string(), "user 'amy' already exists");
    assert_eq!(store.users().unwrap().len(), 1);
    // The store is still usable after the failed write.
    store.add_user(&new_user("bob", "admin")).unwrap();
}

fn changing_an_unknown_user_is_an_error(fresh: Fresh) {
    let store = fresh.app;
    let err = store.set_password(42, "x").unwrap_err();
    assert_eq!(err.to_string(), "user 42 does not exist");
    assert!(matches!(
        store.set_disabled(42, true),
        Err(StoreError::NotFound {
            what: "user",
            id: 42
        })
    ));
}

fn sessions_are_found_until_they_expire(fresh: Fresh) {
    let store = fresh.app;
    let amy = store.add_user(&new_user("amy", "social_worker")).unwrap();
    store
        .create_session(&session_for(amy.id, "t1", "2026-01-05T17:00:00"))
        .unwrap();
    let found = store
        .session("t1", at("2026-01-05T16:59:59.999"))
        .unwrap()
        .unwrap();
    assert_eq!(found.user, amy);
    assert_eq!(found.csrf_token, "csrf-t1");
    assert_eq!(found.expires_at, at("2026-01-05T17:00:00"));
    assert_eq!(found.created_at, at("2026-01-05T09:00:00"));
    // At its expiry time the session is gone.
    assert_eq!(
        store.session("t1", at("2026-01-05T17:00:00")).unwrap(),
        None
    );
    assert_eq!(
        store.session("t2", at("2026-01-05T10:00:00")).unwrap(),
        None
    );

    store.delete_session("t1").unwrap();
    assert_eq!(
        store.session("t1", at("2026-01-05T10:00:00")).unwrap(),
        None
    );
    // Deleting again is not an error.
    store.delete_session("t1").unwrap();
}

fn sessions_of_disabled_users_are_not_returned(fresh: Fresh) {
    let store = fresh.app;
    let amy = store.add_user(&new_user("amy", "social_worker")).unwrap();
    store
        .create_session(&session_for(amy.id, "t1", "2026-01-05T17:00:00"))
        .unwrap();
    store.set_disabled(amy.id, true).unwrap();
    assert_eq!(
        store.session("t1", at("2026-01-05T10:00:00")).unwrap(),
        None
    );
}

fn expired_sessions_are_deleted(fresh: Fresh) {
    let store = fresh.app;
    let amy = store.add_user(&new_user("amy", "social_worker")).unwrap();
    for (token, expires) in [
        ("old", "2026-01-05T08:00:00"),
        ("now", "2026-01-05T09:00:00"),
        ("live", "2026-01-05T17:00:00"),
    ] {
        store
            .create_session(&session_for(amy.id, token, expires))
            .unwrap();
    }
    let now = at("2026-01-05T09:00:00");
    assert_eq!(store.delete_expired_sessions(now).unwrap(), 2);
    assert_eq!(store.delete_expired_sessions(now).unwrap(), 0);
    assert!(store.session("live", now).unwrap().is_some());
}

fn a_session_for_an_unknown_user_is_refused(fresh: Fresh) {
    let store = fresh.app;
    let err = store
        .create_session(&session_for(7, "t1", "2026-01-05T17:00:00"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                what: "user",
                id: 7
            }
        ),
        "{err:?}"
    );
}

fn login_failures_are_counted_per_name_since_a_time(fresh: Fresh) {
    let store = fresh.app;
    for when in [
        "2026-01-05T09:00:00",
        "2026-01-05T09:05:00",
        "2026-01-05T09:10:00",
    ] {
        store.record_login_failure("amy", at(when)).unwrap();
    }
    store
        .record_login_failure("bob", at("2026-01-05T09:10:00"))
        .unwrap();
    let count = |name, since| store.login_failures_since(name, at(since)).unwrap();
    assert_eq!(count("amy", "2026-01-05T00:00:00"), 3);
    // "Since" includes the instant itself.
    assert_eq!(count("amy", "2026-01-05T09:05:00"), 2);
    assert_eq!(count("bob", "2026-01-05T09:00:00"), 1);
    assert_eq!(count("cat", "2026-01-05T09:00:00"), 0);
}

fn the_audit_log_chains_each_entry_to_the_previous(fresh: Fresh) {
    let store = fresh.app;
    assert_eq!(store.verify_audit_chain().unwrap(), Ok(0));
    let first = store
        .append_audit(&audit("amy", "child:C1", "2026-01-05T09:00:00.123456789"))
        .unwrap();
    let second = store
        .append_audit(&audit("bob", "child:C2", "2026-01-05T09:01:00"))
        .unwrap();
    assert_eq!((first.seq, second.seq), (1, 2));
    assert_eq!(first.prev_hash, GENESIS_HASH);
    assert_eq!(second.prev_hash, first.hash);
    // Kept to the microsecond, and the hash is over what is stored.
    assert_eq!(first.at, at("2026-01-05T09:00:00.123456"));
    assert_eq!(
        first.hash,
        sightline_store::audit_hash(
            GENESIS_HASH,
            1,
            &audit("amy", "child:C1", "2026-01-05T09:00:00.123456")
        )
    );
    let stored = store.audit(&AuditFilter::default()).unwrap();
    assert_eq!(stored, [second, first]);
    assert_eq!(store.verify_audit_chain().unwrap(), Ok(2));
}

fn the_audit_log_refuses_edits_and_its_chain_detects_tampering(fresh: Fresh) {
    let store = fresh.app;
    for (user, when) in [
        ("amy", "2026-01-05T09:00:00"),
        ("bob", "2026-01-05T09:01:00"),
        ("cat", "2026-01-05T09:02:00"),
        ("dan", "2026-01-05T09:03:00"),
    ] {
        store.append_audit(&audit(user, "child:C1", when)).unwrap();
    }
    let refused = fresh
        .raw
        .execute("UPDATE audit_log SET user_name = 'eve' WHERE seq = 2")
        .unwrap_err();
    assert!(refused.contains("append-only"), "{refused}");
    assert!(
        fresh
            .raw
            .execute("DELETE FROM audit_log WHERE seq = 2")
            .is_err()
    );
    assert_eq!(store.verify_audit_chain().unwrap(), Ok(4));

    // Someone with the database's owner rights rewrites an entry: the chain names it.
    fresh.raw.drop_audit_triggers();
    fresh
        .raw
        .execute("UPDATE audit_log SET subject = 'child:C9' WHERE seq = 3")
        .unwrap();
    assert_eq!(store.verify_audit_chain().unwrap(), Err(3));
    // Recomputing that entry's hash does not help: the next entry's link breaks instead.
    let third = store
        .audit(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .find(|e| e.seq == 3)
        .unwrap();
    let rewritten = NewAuditEntry {
        subject: "child:C9".to_owned(),
        ..audit("cat", "child:C1", "2026-01-05T09:02:00")
    };
    let rehashed = sightline_store::audit_hash(&third.prev_hash, 3, &rewritten);
    fresh
        .raw
        .execute(&format!(
            "UPDATE audit_log SET hash = '{rehashed}' WHERE seq = 3"
        ))
        .unwrap();
    assert_eq!(store.verify_audit_chain().unwrap(), Err(4));
    // Deleting an entry breaks the chain at its place.
    fresh
        .raw
        .execute("DELETE FROM audit_log WHERE seq = 2")
        .unwrap();
    assert_eq!(store.verify_audit_chain().unwrap(), Err(2));
}

fn the_audit_log_is_filtered_newest_first(fresh: Fresh) {
    let store = fresh.app;
    for (user, subject, when) in [
        ("amy", "child:C1", "2026-01-05T09:00:00"),
        ("bob", "child:C12", "2026-01-05T10:00:00"),
        ("amy", "indicator:ref-01/2026-03", "2026-01-05T11:00:00"),
        ("amy", "child:C1", "2026-01-05T12:00:00"),
        ("bob", "child:C2", "2026-01-05T13:00:00"),
    ] {
        store.append_audit(&audit(user, subject, when)).unwrap();
    }
    let seqs = |filter: AuditFilter| -> Vec<i64> {
        store
            .audit(&filter)
            .unwrap()
            .into_iter()
            .map(|e| e.seq)
            .collect()
    };
    assert_eq!(seqs(AuditFilter::default()), [5, 4, 3, 2, 1]);
    let amy = || AuditFilter {
        user_name: Some("amy".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(seqs(amy()), [4, 3, 1]);
    let child_c1 = AuditFilter {
        subject_prefix: Some("child:C1".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(seqs(child_c1), [4, 2, 1]);
    // A prefix with LIKE wildcards matches them literally.
    let wildcard = AuditFilter {
        subject_prefix: Some("child:%".to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(seqs(wildcard), Vec::<i64>::new());
    let since = AuditFilter {
        since: Some(at("2026-01-05T11:00:00")),
        limit: Some(2),
        ..amy()
    };
    assert_eq!(seqs(since), [4, 3]);
    let limited = AuditFilter {
        limit: Some(1),
        ..AuditFilter::default()
    };
    assert_eq!(seqs(limited), [5]);
}

/// Eight threads append ten entries each (distinct subjects), taking the stores in turn.
fn append_from_eight_threads(stores: &[std::sync::Arc<dyn AppStore>]) {
    let threads: Vec<_> = (0..8)
        .map(|thread| {
            let store = std::sync::Arc::clone(&stores[thread % stores.len()]);
            std::thread::spawn(move || {
                for i in 0..10 {
                    let subject = format!("child:T{thread}-{i}");
                    store
                        .append_audit(&audit("amy", &subject, "2026-01-05T09:00:00"))
                        .unwrap();
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
}

fn concurrent_audit_appends_keep_the_chain_linear(fresh: Fresh) {
    let store: std::sync::Arc<dyn AppStore> = fresh.app.into();
    append_from_eight_threads(&[std::sync::Arc::clone(&store)]);
    assert_eq!(store.verify_audit_chain().unwrap(), Ok(80));
    let seqs: Vec<i64> = store
        .audit(&AuditFilter::default())
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, (1..=80).rev().collect::<Vec<_>>());
    drop(fresh.snapshots);
}

fn appends_from_two_instances_keep_one_chain(fresh: Fresh) {
    let instances: Vec<std::sync::Arc<dyn AppStore>> =
        vec![fresh.app.into(), fresh.raw.another_app_store().into()];
    append_from_eight_threads(&instances);
    for store in &instances {
        assert_eq!(store.verify_audit_chain().unwrap(), Ok(80));
    }
    let mut subjects: Vec<String> = instances[0]
        .audit(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.subject)
        .collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), 80, "every append is stored once");
}

fn plan_updates_are_kept_in_order_per_plan(fresh: Fresh) {
    let store = fresh.app;
    let update = |plan: &str, target: &str, rag: &str, minutes: i64| NewPlanUpdate {
        plan_id: plan.to_owned(),
        target: target.to_owned(),
        at: at("2026-02-01T09:00:00") + Duration::minutes(minutes),
        author: "zoe".to_owned(),
        rag: rag.to_owned(),
        commentary: format!("{target} is {rag}"),
    };
    let first = store
        .add_plan_update(&update("plan-2026", "P1", "red", 0))
        .unwrap();
    store
        .add_plan_update(&update("other", "P1", "green", 1))
        .unwrap();
    let third = store
        .add_plan_update(&update("plan-2026", "P1.2", "complete", 2))
        .unwrap();
    assert_eq!(first.commentary, "P1 is red");
    assert_eq!(first.at, at("2026-02-01T09:00:00"));
    assert!(third.id > first.id);
    assert_eq!(store.plan_updates("plan-2026").unwrap(), [first, third]);
    assert!(store.plan_updates("none").unwrap().is_empty());
}

fn a_plan_update_with_an_unknown_rag_is_refused(fresh: Fresh) {
    let store = fresh.app;
    let err = store
        .add_plan_update(&NewPlanUpdate {
            plan_id: "plan".to_owned(),
            target: "P1".to_owned(),
            at: at("2026-02-01T09:00:00"),
            author: "zoe".to_owned(),
            rag: "Red".to_owned(),
            commentary: String::new(),
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    assert!(store.plan_updates("plan").unwrap().is_empty());
}

fn finding(code: &str, severity: &str, row: Option<u64>, child: Option<&str>) -> StoredFinding {
    StoredFinding {
        rule_code: code.to_owned(),
        severity: severity.to_owned(),
        table: "episodes".to_owned(),
        row_number: row,
        child_id: child.map(str::to_owned),
        fields: "DECOM,RNE".to_owned(),
        message: format!("rule {code} failed\twith a tab, a 'quote' and a \\ backslash"),
    }
}

fn validation_runs_and_findings_round_trip(fresh: Fresh) {
    let store = fresh.app;
    let records = fixture::every_kind();
    let ids = store
        .import_snapshots(&[
            snapshot("ssda903", "2025-03-31", &records),
            snapshot("cin", "2025-03-31", &records),
        ])
        .unwrap();
    let findings = vec![
        finding("103", "error", Some(4), Some("C1")),
        finding("1105", "query", None, None),
        finding("208", "error", Some(u64::from(u32::MAX) + 7), Some("C2")),
    ];
    let run = |snapshot, ran_at: &str, findings: &[StoredFinding]| {
        store
            .record_validation(&NewValidationRun {
                snapshot,
                ruleset: "ssda903".to_owned(),
                collection_year: 2025,
                ran_at: at(ran_at),
                rules_run: 250,
                rules_skipped: 12,
                findings,
            })
            .unwrap()
    };
    let first = run(ids[0], "2026-01-05T09:00:00", &findings);
    let second = run(ids[0], "2026-01-06T09:00:00", &[]);
    run(ids[1], "2026-01-06T09:00:00", &findings[..1]);

    let runs = store.validation_runs(ids[0]).unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!((runs[0].id, runs[1].id), (first, second));
    assert_eq!(runs[0].snapshot, ids[0]);
    assert_eq!(runs[0].ruleset, "ssda903");
    assert_eq!(runs[0].collection_year, 2025);
    assert_eq!(runs[0].ran_at, at("2026-01-05T09:00:00"));
    assert_eq!((runs[0].rules_run, runs[0].rules_skipped), (250, 12));
    assert_eq!((runs[0].errors, runs[0].queries), (2, 1));
    assert_eq!((runs[1].errors, runs[1].queries), (0, 0));

    assert_eq!(store.findings(first).unwrap(), findings);
    assert!(store.findings(second).unwrap().is_empty());
    assert!(store.validation_runs(SnapshotId(99)).unwrap().is_empty());
    let err = store.findings(999).unwrap_err();
    assert_eq!(err.to_string(), "validation run 999 does not exist");
}

fn validation_of_an_unknown_snapshot_is_refused(fresh: Fresh) {
    let store = fresh.app;
    let err = store
        .record_validation(&NewValidationRun {
            snapshot: SnapshotId(5),
            ruleset: "cin".to_owned(),
            collection_year: 2025,
            ran_at: at("2026-01-05T09:00:00"),
            rules_run: 1,
            rules_skipped: 0,
            findings: &[finding("8500", "error", Some(1), None)],
        })
        .unwrap_err();
    assert!(
        matches!(err, StoreError::SnapshotNotFound(SnapshotId(5))),
        "{err:?}"
    );
}

fn snapshot_reads_and_imports_through_the_app_store(fresh: Fresh) {
    let Fresh {
        mut snapshots, app, ..
    } = fresh;
    assert!(app.list_snapshots().unwrap().is_empty());
    assert_eq!(app.latest_snapshot(None).unwrap(), None);
    let records = fixture::every_kind();
    let empty = CaseRecords::default();
    let first = snapshots
        .import(&[snapshot("ssda903", "2025-03-31", &records)])
        .unwrap()[0];
    let second = app
        .import_snapshots(&[snapshot("cin", "2024-03-31", &empty)])
        .unwrap()[0];
    // What one view imported, the other reads.
    assert_eq!(snapshots.load(second).unwrap(), empty);
    assert_eq!(app.load_snapshot(first).unwrap(), records);
    assert_eq!(app.list_snapshots().unwrap(), snapshots.list().unwrap());
    assert_eq!(
        app.snapshot_summary(first).unwrap(),
        snapshots.show(first).unwrap()
    );
    assert_eq!(app.latest_snapshot(None).unwrap().unwrap().id, first);
    assert_eq!(
        app.latest_snapshot(Some("cin")).unwrap().unwrap().id,
        second
    );
    assert!(matches!(
        app.load_snapshot(SnapshotId(9)),
        Err(StoreError::SnapshotNotFound(SnapshotId(9)))
    ));
}
