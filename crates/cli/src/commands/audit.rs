//! `sightline audit`: prints the audit log (newest first) and checks its hash chain.

use crate::args::AuditArgs;
use anyhow::{Result, bail};
use sightline_store::AuditFilter;

pub fn run(args: &AuditArgs) -> Result<()> {
    let store = sightline_store::open_app_store(&args.database.database)?;
    if args.verify {
        match store.verify_audit_chain()? {
            Ok(n) => println!("audit chain verified: {n} entries, none changed or removed"),
            Err(seq) => {
                bail!("the audit log was tampered with: entry {seq} does not match the chain")
            }
        }
    }
    let filter = AuditFilter {
        user_name: args.user.clone(),
        since: args.since.and_then(|d| d.and_hms_opt(0, 0, 0)),
        limit: args.limit,
        ..AuditFilter::default()
    };
    let entries = store.audit(&filter)?;
    if !args.verify || !entries.is_empty() {
        println!("seq\tat\tuser\trole\taction\tsubject\tpage");
    }
    for e in entries {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.seq,
            e.at.format("%Y-%m-%dT%H:%M:%S"),
            e.user_name,
            e.role,
            e.action,
            e.subject,
            e.page
        );
    }
    Ok(())
}
