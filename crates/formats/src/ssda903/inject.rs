//! Recording errors injected into 903 rows before they are written (see [`crate::faults`]).

use sightline_model::NaiveDate;

use super::cell::{format_dmy, parse_dmy};
use super::tables::Ssda903Table;
use super::write::{OutRow, OutTable};
use crate::Format;
use crate::faults::{
    FaultKind, FaultRng, FaultSpec, InjectedFault, bad_dmy, earlier, invalid_code,
};

use FaultKind::*;

/// The errors a row of each table can get: (column, kind).
fn candidates(table: Ssda903Table) -> &'static [(&'static str, FaultKind)] {
    match table {
        Ssda903Table::Header => &[
            ("CHILD", DuplicateId),
            ("SEX", InvalidCode),
            ("DOB", BadDate),
            ("ETHNIC", MissingCode),
            ("ETHNIC", InvalidCode),
        ],
        Ssda903Table::Episodes => &[
            ("DECOM", BadDate),
            ("DECOM", MissingDate),
            ("DECOM", OverlappingEpisode),
            ("DEC", DatesOutOfOrder),
            ("RNE", InvalidCode),
            ("LS", InvalidCode),
            ("PLACE", MissingCode),
            ("REC", MissingCode),
        ],
        Ssda903Table::Reviews => &[
            ("REVIEW", BadDate),
            ("REVIEW_CODE", InvalidCode),
            ("REVIEW_CODE", MissingCode),
        ],
        Ssda903Table::Uasc => &[("DUC", BadDate)],
        Ssda903Table::Oc2 => &[
            ("SDQ_SCORE", InvalidCode),
            ("IMMUNISATIONS", InvalidCode),
            ("HEALTH_ASSESSMENT", MissingCode),
        ],
        Ssda903Table::Oc3 => &[
            ("IN_TOUCH", InvalidCode),
            ("ACTIV", InvalidCode),
            ("ACCOM", MissingCode),
        ],
        Ssda903Table::Ad1 => &[
            ("DATE_INT", BadDate),
            ("DATE_MATCH", DatesOutOfOrder),
            ("SEX_ADOPTR", InvalidCode),
        ],
        Ssda903Table::PlacedForAdoption => &[
            ("DATE_PLACED", BadDate),
            ("DATE_PLACED_CEASED", DatesOutOfOrder),
        ],
        Ssda903Table::PreviousPermanence => {
            &[("PREV_PERM", InvalidCode), ("PREV_PERM", MissingCode)]
        }
        Ssda903Table::Missing => &[
            ("MISSING", InvalidCode),
            ("MIS_START", BadDate),
            ("MIS_END", DatesOutOfOrder),
        ],
        Ssda903Table::SwEpisodes => &[
            ("SW_DECOM", BadDate),
            ("SW_DEC", DatesOutOfOrder),
            ("SW_REASON", InvalidCode),
        ],
    }
}

/// The start date an end date must not precede.
fn start_column(end_column: &str) -> Option<&'static str> {
    match end_column {
        "DEC" => Some("DECOM"),
        "DATE_MATCH" => Some("DATE_INT"),
        "DATE_PLACED_CEASED" => Some("DATE_PLACED"),
        "MIS_END" => Some("MIS_START"),
        "SW_DEC" => Some("SW_DECOM"),
        _ => None,
    }
}

fn column_index(table: Ssda903Table, column: &str) -> Option<usize> {
    table.columns().iter().position(|c| *c == column)
}

fn field<'a>(table: Ssda903Table, row: &'a OutRow, column: &str) -> Option<&'a str> {
    column_index(table, column)
        .and_then(|i| row.fields.get(i))
        .map(String::as_str)
}

fn date_of(table: Ssda903Table, row: &OutRow, column: &str) -> Option<NaiveDate> {
    field(table, row, column).and_then(parse_dmy)
}

/// What a fault changes in a row, worked out before anything is mutated.
enum Change {
    Set(String),
    Duplicate,
}

/// The change `kind` makes to `column` of `row`, if the row allows it (`previous` is the row
/// written just before, for overlaps).
fn plan(
    rng: &mut FaultRng,
    table: Ssda903Table,
    row: &OutRow,
    previous: Option<&OutRow>,
    column: &str,
    kind: FaultKind,
) -> Option<Change> {
    let value = field(table, row, column)?;
    match kind {
        DuplicateId => Some(Change::Duplicate),
        MissingCode | MissingDate | InvalidCode if value.is_empty() => None,
        MissingCode | MissingDate => Some(Change::Set(String::new())),
        InvalidCode => Some(Change::Set(invalid_code(value))),
        BadDate => parse_dmy(value).map(|d| Change::Set(bad_dmy(rng, d))),
        DatesOutOfOrder => {
            parse_dmy(value)?;
            let start = date_of(table, row, start_column(column)?)?;
            Some(Change::Set(format_dmy(earlier(rng, start))))
        }
        OverlappingEpisode => {
            let previous = previous.filter(|p| p.child == row.child)?;
            let previous_end = date_of(table, previous, "DEC")?;
            Some(Change::Set(format_dmy(earlier(rng, previous_end))))
        }
    }
}

/// Injects faults into every table's rows, returning what was injected (in file order).
pub(crate) fn inject(tables: &mut [OutTable], spec: &FaultSpec) -> Vec<InjectedFault> {
    let mut rng = FaultRng::new(spec.seed, 903);
    let mut injected = Vec::new();
    for table in tables.iter_mut() {
        let rows = std::mem::take(&mut table.rows);
        let mut out: Vec<OutRow> = Vec::with_capacity(rows.len());
        for mut row in rows {
            if !rng.chance(spec.rate) {
                out.push(row);
                continue;
            }
            let options: Vec<(&str, FaultKind, Change)> = candidates(table.table)
                .iter()
                .filter_map(|(column, kind)| {
                    plan(&mut rng, table.table, &row, out.last(), column, *kind)
                        .map(|change| (*column, *kind, change))
                })
                .collect();
            let pick = rng.below(options.len());
            let Some((column, kind, change)) = options.into_iter().nth(pick) else {
                out.push(row);
                continue;
            };
            let duplicate = match change {
                Change::Set(value) => {
                    if let Some(slot) =
                        column_index(table.table, column).and_then(|i| row.fields.get_mut(i))
                    {
                        *slot = value;
                    }
                    None
                }
                Change::Duplicate => Some(row.clone()),
            };
            out.push(row);
            if let Some(copy) = duplicate {
                out.push(copy);
            }
            if let Some(last) = out.last() {
                injected.push(InjectedFault {
                    format: Format::Ssda903,
                    table: table.table.name().to_owned(),
                    row_number: out.len() as u64,
                    child_id: last.child.clone(),
                    field: column.to_owned(),
                    kind,
                });
            }
        }
        table.rows = out;
    }
    injected
}
