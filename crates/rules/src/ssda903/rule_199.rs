//! 199: the episodes show the child was adopted from care before (an earlier episode ended in
//! adoption, E11/E12) and has come back into care (DfE 903 validation rules).
//!
//! Reads last year's episodes too when they were supplied (`--previous`), as the tool does; the
//! rule still runs without them. An episode open at last year's end appears in both returns: the
//! copy in last year's return is dropped when this year's return has an episode of the same child
//! starting the same day, so a carried-over episode is not counted twice (the tool keeps both and
//! relies on its sort order). Each episode of this year started after an adoption is reported.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{HashMap, HashSet};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule199;

static META: RuleMeta = RuleMeta {
    code: "199",
    message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

/// One episode with a start date, from either year.
struct Dated {
    start: NaiveDate,
    adopted: bool,
    /// The row in this year's Episodes, or `None` for last year's.
    current_row: Option<u64>,
}

fn ended_in_adoption(episode: &EpisodeRow) -> bool {
    matches!(
        episode.rec.get(),
        Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
    )
}

impl Rule for Rule199 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut by_child: HashMap<&str, Vec<Dated>> = HashMap::default();
        let mut this_year: HashSet<(&str, NaiveDate)> = HashSet::default();
        for episode in &data.current.episodes {
            if let (Some(child), Some(start)) = (id(&episode.child), episode.decom.get()) {
                this_year.insert((child, start));
                let dated = Dated {
                    start,
                    adopted: ended_in_adoption(episode),
                    current_row: Some(episode.at.row_number),
                };
                by_child.entry(child).or_default().push(dated);
            }
        }
        let last_year = data
            .previous
            .map(|p| p.episodes.as_slice())
            .unwrap_or_default();
        for episode in last_year {
            if let (Some(child), Some(start)) = (id(&episode.child), episode.decom.get())
                && !this_year.contains(&(child, start))
            {
                let dated = Dated {
                    start,
                    adopted: ended_in_adoption(episode),
                    current_row: None,
                };
                by_child.entry(child).or_default().push(dated);
            }
        }
        let mut found: Vec<(u64, &str)> = Vec::new();
        for (child, episodes) in &mut by_child {
            // A stable sort keeps file order for episodes starting the same day.
            episodes.sort_by_key(|e| e.start);
            let mut adopted_before = false;
            for episode in episodes.iter() {
                if let (true, Some(row)) = (adopted_before, episode.current_row) {
                    found.push((row, child));
                }
                adopted_before |= episode.adopted;
            }
        }
        found.sort_unstable();
        for (row, child) in found {
            out.at("Episodes", row, Some(child), &["CHILD"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    const THIS_YEAR: &str = "//- Episodes
        CHILD,DECOM,DEC,REC
        104,19/07/2025,02/03/2026,E13
        105,02/12/2025,03/12/2025,X1
        105,03/12/2025,04/12/2025,E11
        105,12/12/2025,,
        107,26/11/2023,04/12/2025,E12
        107,14/12/2025,,
        108,01/05/2024,01/06/2025,E11";

    #[test]
    fn episodes_after_an_adoption_this_year_fail() {
        let t = tables(THIS_YEAR);
        assert_eq!(
            findings(&Rule199, &current(&t)),
            vec![(4, "105".into()), (6, "107".into())]
        );
    }

    #[test]
    fn adoptions_in_last_years_return_count_once() {
        // 104 was adopted last year. 107's first episode is carried over (open last year) and
        // must not count as a second adoption. 108's episode was open last year.
        let t = tables(THIS_YEAR);
        let last = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             104,26/11/2022,19/07/2024,E12
             107,26/11/2023,,
             108,01/05/2024,,",
        );
        let mut data = current(&t);
        data.previous = Some(&last);
        assert_eq!(
            findings(&Rule199, &data),
            vec![(1, "104".into()), (4, "105".into()), (6, "107".into())]
        );
    }
}
