//! The Standard Safeguarding Dataset (SSD): one CSV per table, named `<table>.csv`.
//!
//! The SSD is the snapshot source for the whole model, so this module carries **every** record
//! kind and its round trip is lossless: `read(write(records)) == records`, ids and order
//! included. Standard SSD column names are used wherever the SSD has a home for a field
//! (`shared/reference/ssd/tables.csv`); the rest travels in documented extensions.
//!
//! # Standard tables written
//!
//! | model kind | SSD table(s) |
//! |---|---|
//! | children | `ssd_person`, `ssd_address` (home postcode), `ssd_disability`, `ssd_immigration_status` (UASC), `ssd_mother` (first child's birth date), `ssd_linked_identifiers` (former UPN) |
//! | contacts | `ssd_contacts` (outcome as a JSON flag: `OUTCOME_NEW_REFERRAL_FLAG`, `OUTCOME_ADVICE_FLAG`, `OUTCOME_NFA_FLAG`, and the extension key `OUTCOME_EARLY_HELP_FLAG`) |
//! | early help | `ssd_early_help_episodes` (step down/up as the episode's reason/end reason) |
//! | referrals | `ssd_cin_episodes` |
//! | assessments | `ssd_cin_assessments` (outcome as a JSON flag), `ssd_assessment_factors` |
//! | section 47 enquiries | `ssd_s47_enquiry` (`CP_CONFERENCE_FLAG` = ICPC required; outcome as `NFA_FLAG`/`CIN_PLAN_FLAG`/`ICPC_FLAG`) |
//! | conferences | initial and transfer-in: `ssd_initial_cp_conference`; reviews: `ssd_cp_reviews` |
//! | CP plans | `ssd_cp_plans` |
//! | visits | `ssd_cin_visits`, `ssd_cp_visits`, `ssd_cla_visits` by kind |
//! | CIN plans | `ssd_cin_plans` |
//! | looked-after episodes | `ssd_cla_episodes`, `ssd_cla_placement`, `ssd_legal_status` (grouping rules in `ssd/cla.rs`) |
//! | looked-after reviews | `ssd_cla_reviews` |
//! | missing episodes | `ssd_missing` |
//! | care leavers | `ssd_care_leavers` (accommodation split into type letter and suitability) |
//! | permanence | `ssd_permanence` |
//! | previous permanence | `ssd_cla_previous_permanence` (order date `dd/mm/yyyy`, `zz` for unknown parts) |
//! | teams | `ssd_department` |
//! | workers | `ssd_professionals` |
//! | allocations | `ssd_involvements` |
//!
//! # Extension tables (kinds the SSD has no table for)
//!
//! `ssdx_strategy_discussions` (a discussion that starts no enquiry has no SSD row),
//! `ssdx_core_groups`, `ssdx_cin_plan_reviews`, `ssdx_pathway_plans` (the SSD keeps only the
//! latest review date on `ssd_care_leavers`, which is also filled), `ssdx_health_outcomes`
//! (the 903 OC2 annual outcomes; the SSD's health tables hold dated events the model does not
//! have), `ssdx_supervisions`, `ssdx_audits`, `ssdx_complaints`, `ssdx_foster_households`,
//! `ssdx_private_fostering`, `ssdx_lado_allegations`.
//!
//! # Extension columns (model fields a standard table has no column for)
//!
//! Named `<prefix>_x_<field>`:
//! `pers_x_locality`; `earl_x_locality`; `s47e_x_strategy_discussion_id`, `s47e_x_icpc_target_date`;
//! `cppl_x_previous_plans`; `cppr_x_referral_id`, `cppr_x_s47_enquiry_id`;
//! `cinv_x_worker_id`, `cppv_x_worker_id`, `clav_x_worker_id`;
//! `clae_x_legal_status_id` (joins an episode to its `ssd_legal_status` row),
//! `clae_x_home_postcode` (903 `HOME_POST`); `clap_x_placement_la`;
//! `miss_x_rhi_offered_date`, `miss_x_rhi_completed_date` (the SSD has only Y/N);
//! `clea_x_birthday_age`; `perm_x_plan_date`;
//! `prof_x_team_id`, `prof_x_role`, `prof_x_start_date`, `prof_x_end_date`;
//! `dept_x_service`, `dept_x_locality`;
//! and `icpc_x_order`, `cppr_x_order`, `cinv_x_order`, `cppv_x_order`, `clav_x_order`, the
//! position of each conference or visit in the model, since those kinds are split over tables.
//!
//! Reading treats extension columns as optional, except those that carry a mandatory model field
//! with no standard source (`cppr_x_referral_id`, `clea_x_birthday_age`, `prof_x_team_id`,
//! `prof_x_role`, `prof_x_start_date`, `dept_x_service`): an extract without them is refused with
//! the missing columns listed. Standard extracts without the optional ones read with these
//! fallbacks: the legal status covering each episode's start; an RHI answered `Y` dated at the
//! return (or start) of the missing episode; a placement distance of 999.9 (the SSD's "unknown")
//! read as unknown; a contact without outcome flags read as no further action.
//!
//! # Conventions and limits
//!
//! Dates are written `yyyy-mm-dd` and read as `yyyy-mm-dd` (a time may follow) or `dd/mm/yyyy`.
//! Flags are `Y`/`N`. Text cells are trimmed and an empty text reads as absent. Person ids must be
//! unique (the child's other tables join on them); so must assessment, placement and legal status
//! ids. Rows in a child's other tables (`ssd_disability`...) naming no `ssd_person` row are an
//! error. Published SSD tables the model has nothing for (`ssd_cohort`, `ssd_sdq_scores`, ...)
//! are recognised and skipped.

pub(crate) mod cells;
mod cla;
mod codes;
mod json;
pub(crate) mod lines;
mod read;
mod schema;
pub(crate) mod table;
mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;

use crate::{ExtractSpec, FormatError, Location};

/// A table of the SSD recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SsdTable {
    name: &'static str,
    carried: bool,
    extension: bool,
}

impl SsdTable {
    /// Table name, e.g. `ssd_contacts` (also the file stem the writer uses).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether the model carries this table's rows (false for published SSD tables Sightline
    /// recognises but skips).
    pub fn carries_records(&self) -> bool {
        self.carried
    }

    /// Whether this is a Sightline extension table (`ssdx_*`).
    pub fn is_extension(&self) -> bool {
        self.extension
    }
}

/// Names of every table [`write`] produces, in writing order.
pub fn written_tables() -> impl Iterator<Item = &'static str> {
    schema::CARRIED.iter().map(|t| t.name)
}

/// Recognises an SSD table from the first bytes of a file (its header row): the table whose
/// column prefix (`cont_`, `pers_`...) most header cells share, or a published SSD table the model
/// does not carry. Column order and letter case do not matter.
pub fn sniff(head: &[u8]) -> Option<SsdTable> {
    let header = table::header_of(head)?;
    let best = schema::CARRIED
        .iter()
        .map(|t| {
            (
                header.iter().filter(|h| h.starts_with(t.prefix)).count(),
                *t,
            )
        })
        .max_by_key(|(n, _)| *n)
        .filter(|(n, _)| *n >= 2 || (*n == 1 && header.len() == 1));
    if let Some((_, spec)) = best {
        return Some(SsdTable {
            name: spec.name,
            carried: true,
            extension: spec.is_extension(),
        });
    }
    schema::IGNORED
        .iter()
        .find(|(_, columns)| columns.iter().all(|c| header.iter().any(|h| h == c)))
        .map(|(name, _)| SsdTable {
            name,
            carried: false,
            extension: false,
        })
}

/// Writes every record kind to `dir` (created if needed), one `<table>.csv` per table including
/// empty ones, and returns the files written. The SSD is a snapshot: `spec` does not filter.
pub fn write(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<PathBuf>, FormatError> {
    let _ = spec;
    std::fs::create_dir_all(dir).map_err(|source| FormatError::Io {
        file: dir.to_path_buf(),
        source,
    })?;
    write::write_tables(dir, records)
}

/// How many bytes of a file are enough to see its header row.
pub(crate) const HEAD_BYTES: usize = 64 * 1024;

/// Reads the first [`HEAD_BYTES`] of a file.
pub(crate) fn read_head(path: &Path) -> Result<Vec<u8>, FormatError> {
    let file = std::fs::File::open(path).map_err(|source| FormatError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    let mut head = Vec::with_capacity(4096);
    file.take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|source| FormatError::Io {
            file: path.to_path_buf(),
            source,
        })?;
    Ok(head)
}

/// Reads SSD tables (any subset, several files per table allowed, recognised by header) into
/// one set of records. Tables the model does not carry are skipped.
pub fn read(files: &[PathBuf]) -> Result<CaseRecords, FormatError> {
    let mut tables = read::TableFiles::new();
    for file in files {
        let head = read_head(file)?;
        if head.iter().all(u8::is_ascii_whitespace) {
            return Err(FormatError::Malformed {
                file: file.clone(),
                location: Location::File,
                message: "empty file: expected a header row".into(),
            });
        }
        let table = sniff(&head).ok_or_else(|| FormatError::Malformed {
            file: file.clone(),
            location: Location::Line(1),
            message: "header matches no SSD table".into(),
        })?;
        if table.carried {
            tables.add(table.name, file.clone());
        }
    }
    read::read_tables(&tables)
}
