//! The eleven 903 tables, their exact column lists, and recognising a table from its header line.
//!
//! The DfE tool identifies a 903 CSV by its set of column names, never by its file name, and so do
//! we: councils name their exports freely.

/// One table of the SSDA903 return (2025-26 layout; earlier years use the same columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ssda903Table {
    /// One row per child: sex, date of birth, ethnicity, UPN, motherhood.
    Header,
    /// Episodes of care.
    Episodes,
    /// Looked-after reviews.
    Reviews,
    /// Unaccompanied asylum-seeking children.
    Uasc,
    /// Outcomes of children looked after 12+ months (health, SDQ, offending).
    Oc2,
    /// Care leavers around their 17th-21st birthdays.
    Oc3,
    /// Children adopted in the year.
    Ad1,
    /// Decisions that a child should be placed for adoption.
    PlacedForAdoption,
    /// Permanence before a period of care.
    PreviousPermanence,
    /// Missing and away-from-placement episodes.
    Missing,
    /// Social worker episodes.
    SwEpisodes,
}

impl Ssda903Table {
    /// Every table, in the order they are written and checked.
    pub const ALL: [Ssda903Table; 11] = [
        Ssda903Table::Header,
        Ssda903Table::Episodes,
        Ssda903Table::Reviews,
        Ssda903Table::Uasc,
        Ssda903Table::Oc2,
        Ssda903Table::Oc3,
        Ssda903Table::Ad1,
        Ssda903Table::PlacedForAdoption,
        Ssda903Table::PreviousPermanence,
        Ssda903Table::Missing,
        Ssda903Table::SwEpisodes,
    ];

    /// The table's name as the DfE validation rules spell it (`Header`, `PlacedAdoption`, `PrevPerm`...).
    pub fn name(self) -> &'static str {
        match self {
            Ssda903Table::Header => "Header",
            Ssda903Table::Episodes => "Episodes",
            Ssda903Table::Reviews => "Reviews",
            Ssda903Table::Uasc => "UASC",
            Ssda903Table::Oc2 => "OC2",
            Ssda903Table::Oc3 => "OC3",
            Ssda903Table::Ad1 => "AD1",
            Ssda903Table::PlacedForAdoption => "PlacedAdoption",
            Ssda903Table::PreviousPermanence => "PrevPerm",
            Ssda903Table::Missing => "Missing",
            Ssda903Table::SwEpisodes => "SWEpisodes",
        }
    }

    /// The file name the writer uses, e.g. `placed_for_adoption.csv`.
    pub fn file_name(self) -> &'static str {
        match self {
            Ssda903Table::Header => "header.csv",
            Ssda903Table::Episodes => "episodes.csv",
            Ssda903Table::Reviews => "reviews.csv",
            Ssda903Table::Uasc => "uasc.csv",
            Ssda903Table::Oc2 => "oc2.csv",
            Ssda903Table::Oc3 => "oc3.csv",
            Ssda903Table::Ad1 => "ad1.csv",
            Ssda903Table::PlacedForAdoption => "placed_for_adoption.csv",
            Ssda903Table::PreviousPermanence => "previous_permanence.csv",
            Ssda903Table::Missing => "missing.csv",
            Ssda903Table::SwEpisodes => "sw_episodes.csv",
        }
    }

    /// The table's columns, exactly as the DfE names them, in the order the writer uses.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Ssda903Table::Header => &["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            Ssda903Table::Episodes => &[
                "CHILD",
                "DECOM",
                "RNE",
                "LS",
                "CIN",
                "PLACE",
                "PLACE_PROVIDER",
                "DEC",
                "REC",
                "REASON_PLACE_CHANGE",
                "HOME_POST",
                "PL_POST",
                "URN",
            ],
            Ssda903Table::Reviews => &["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
            Ssda903Table::Uasc => &["CHILD", "SEX", "DOB", "DUC"],
            Ssda903Table::Oc2 => &[
                "CHILD",
                "DOB",
                "SDQ_SCORE",
                "SDQ_REASON",
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
            ],
            Ssda903Table::Oc3 => &["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
            Ssda903Table::Ad1 => &[
                "CHILD",
                "DOB",
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ],
            Ssda903Table::PlacedForAdoption => &[
                "CHILD",
                "DOB",
                "DATE_PLACED",
                "DATE_PLACED_CEASED",
                "REASON_PLACED_CEASED",
            ],
            Ssda903Table::PreviousPermanence => {
                &["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
            }
            Ssda903Table::Missing => &["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
            Ssda903Table::SwEpisodes => {
                &["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
            }
        }
    }

    /// Parses [`Ssda903Table::name`] (any letter case).
    pub fn from_name(name: &str) -> Option<Ssda903Table> {
        Ssda903Table::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The table whose columns are all among `columns` (any order and letter case; extra columns
    /// such as the tool's derived `PL_LA` are tolerated). When several match, the one with the
    /// most columns wins, so a Header never passes for a UASC table.
    pub fn from_columns<S: AsRef<str>>(columns: &[S]) -> Option<Ssda903Table> {
        Ssda903Table::ALL
            .into_iter()
            .filter(|t| t.missing_columns(columns).is_empty())
            .max_by_key(|t| t.columns().len())
    }

    /// The table's columns that are not among `columns`.
    pub fn missing_columns<S: AsRef<str>>(self, columns: &[S]) -> Vec<&'static str> {
        self.columns()
            .iter()
            .copied()
            .filter(|wanted| {
                !columns
                    .iter()
                    .any(|c| c.as_ref().trim().eq_ignore_ascii_case(wanted))
            })
            .collect()
    }

    /// The table sharing most columns with `columns`, and the columns it lacks: used to explain
    /// why a file was not recognised.
    pub(crate) fn closest<S: AsRef<str>>(columns: &[S]) -> (Ssda903Table, Vec<&'static str>) {
        let mut best = (
            Ssda903Table::Header,
            Ssda903Table::Header.missing_columns(columns),
        );
        for table in Ssda903Table::ALL {
            let missing = table.missing_columns(columns);
            let matched = table.columns().len() - missing.len();
            let best_matched = best.0.columns().len() - best.1.len();
            if matched > best_matched {
                best = (table, missing);
            }
        }
        best
    }
}

impl std::fmt::Display for Ssda903Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The UTF-8 byte order mark some exporters (Excel) put at the start of a CSV.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Recognises a 903 table from the first bytes of a file (its header line), by column set.
///
/// Tolerates a UTF-8 BOM, CRLF line ends, quoted column names, any column order and letter case.
/// Returns `None` for anything else, including text that is not UTF-8.
pub fn sniff(head: &[u8]) -> Option<Ssda903Table> {
    let columns = header_columns(head)?;
    Ssda903Table::from_columns(&columns)
}

/// The column names of the first line of `bytes` (BOM stripped), or `None` if it is not a CSV line.
pub(crate) fn header_columns(head: &[u8]) -> Option<Vec<String>> {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let line_end = head.iter().position(|b| *b == b'\n').unwrap_or(head.len());
    let line = head.get(..line_end)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line);
    let record = reader.records().next()?.ok()?;
    Some(record.iter().map(|c| c.trim().to_owned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_recognised_from_its_own_columns() {
        for table in Ssda903Table::ALL {
            let line = table.columns().join(",");
            assert_eq!(sniff(line.as_bytes()), Some(table), "{table}");
        }
    }

    #[test]
    fn sniffing_tolerates_bom_crlf_order_case_and_quotes() {
        let head = b"\xEF\xBB\xBF\"dob\",Child,duc,SEX\r\nC1,01/01/2010,,M\r\n";
        assert_eq!(sniff(head), Some(Ssda903Table::Uasc));
        assert_eq!(
            sniff(b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,DUC\n"),
            Some(Ssda903Table::Header)
        );
        assert_eq!(sniff(b"CHILD,SEX,DOB\n"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"\xff\xfe\x00C"), None);
    }

    #[test]
    fn the_closest_table_names_what_is_missing() {
        let (table, missing) = Ssda903Table::closest(&["CHILD", "DOB", "REVIEW"]);
        assert_eq!(table, Ssda903Table::Reviews);
        assert_eq!(missing, vec!["REVIEW_CODE"]);
    }
}
