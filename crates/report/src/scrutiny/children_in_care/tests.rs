//! Golden document of the children-in-care report from hand-made figures.

use super::*;
use crate::disclosure::disclose;
use crate::doc::Block;
use sightline_measures::benchmarks::{SnVersion, Valued};
use sightline_measures::scrutiny::{LegalGroup, MonthlyCount, PlacedFar, RateComparison};

fn m(year: i32, month: u32) -> Month {
    Month { year, month }
}

/// March 2025 to March 2026: 649 falling by one a month to 637, then +10 to 628... worked below.
pub(crate) fn figures() -> ChildrenInCare {
    let months = sightline_measures::scrutiny::trend_months(m(2026, 3));
    // 640, 639, ..., 629 for the first 12 months; 639 in March 2026 (+10 on February's 629).
    let counts: Vec<u64> = (0..12).map(|i| 640 - i).chain([639]).collect();
    let monthly = months
        .iter()
        .zip(&counts)
        .map(|(&month, &n)| MonthlyCount {
            month,
            looked_after: n,
            uasc: 20,
        })
        .collect();
    let placed_far = months
        .iter()
        .enumerate()
        .map(|(i, &month)| PlacedFar {
            month,
            count: 100 - i as u64,
            looked_after: counts[i],
            percent: Some(100.0 * (100 - i as u64) as f64 / counts[i] as f64),
        })
        .collect();
    let ethnic = |v: [u64; 6]| EthnicGroup::ALL.iter().copied().zip(v).collect::<Vec<_>>();
    ChildrenInCare {
        month: m(2026, 3),
        monthly,
        rate: RateComparison {
            rate: Some(63.8),
            previous_rate: Some(62.8),
            population: 100_160,
            sn_average: Some(Valued {
                value: 86.1,
                year: 2025,
                label: "at 31 March 2025".into(),
            }),
            england: Some(Valued {
                value: 70.0,
                year: 2025,
                label: "at 31 March 2025".into(),
            }),
            council_name: Some("Kirklees".into()),
            neighbours: vec!["Calderdale".into(), "Bolton".into()],
            sn_version: SnVersion::May2025,
        },
        ethnicity_now: ethnic([450, 80, 60, 40, 6, 3]),
        ethnicity_year_ago: ethnic([470, 70, 60, 30, 7, 3]),
        entrants: ethnic([5, 3, 3, 1, 3, 0]),
        age_sex: vec![
            AgeSexRow {
                band: AgeBand::Under1,
                male: 20,
                female: 4,
                unknown: 0,
            },
            AgeSexRow {
                band: AgeBand::From10To15,
                male: 115,
                female: 91,
                unknown: 0,
            },
            AgeSexRow {
                band: AgeBand::Over18,
                male: 0,
                female: 0,
                unknown: 0,
            },
        ],
        age_sex_previous: vec![AgeSexRow {
            band: AgeBand::From10To15,
            male: 110,
            female: 94,
            unknown: 0,
        }],
        legal_status: vec![
            (LegalGroup::FullCareOrder, 400),
            (LegalGroup::Section20, 100),
            (LegalGroup::ShortBreaks, 0),
        ],
        placements: vec![(PlacementGroup::Foster, 480), (PlacementGroup::Custody, 2)],
        placed_far,
        placed_far_by_placement: vec![
            (PlacementGroup::Foster, 62),
            (PlacementGroup::ChildrensHome, 26),
        ],
    }
}

fn section<'a>(doc: &'a Document, id: &str) -> &'a Section {
    doc.sections.iter().find(|s| s.id == id).unwrap()
}

fn paragraph(section: &Section) -> String {
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(inlines) => Some(
                inlines
                    .iter()
                    .map(|i| match i {
                        Inline::Text(t) | Inline::Strong(t) => t.clone(),
                        Inline::Link { text, .. } => text.clone(),
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap()
}

fn table<'a>(doc: &'a Document, id: &str) -> &'a Table {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Table(t) if t.id == id => Some(t),
            _ => None,
        })
        .unwrap()
}

fn chart<'a>(doc: &'a Document, id: &str) -> &'a Chart {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Chart(c) if c.id == id => Some(c),
            _ => None,
        })
        .unwrap()
}

fn texts(row: &crate::doc::Row) -> Vec<String> {
    row.cells.iter().map(Cell::display_text).collect()
}

#[test]
fn sections_follow_the_2019_report() {
    let doc = children_in_care_document(&figures(), "Kirklees Council", Audience::Internal);
    let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "purpose",
            "count",
            "rate",
            "neighbours",
            "ethnicity",
            "entrants",
            "age-sex",
            "placed-far",
            "legal-placement",
            "decision"
        ]
    );
    assert_eq!(doc.period_label, "March 2026");
    assert_eq!(doc.title, TITLE);
}

#[test]
fn the_count_section_says_the_change_and_charts_13_months() {
    let doc = children_in_care_document(&figures(), "Kirklees Council", Audience::Internal);
    assert_eq!(
        paragraph(section(&doc, "count")),
        "There were 639 children in care at the end of March 2026, an increase of 10 children \
         since February 2026. Over the year from March 2025 to March 2026 the number of children \
         in care fell: a decrease of 1 child."
    );
    let c = chart(&doc, "cla-trend");
    assert_eq!(c.kind, ChartKind::Line);
    assert_eq!(c.categories.len(), 13);
    assert_eq!(c.categories[0], "Mar 2025");
    assert_eq!(c.series[0].values[12], Some(639.0));
    assert_eq!(c.series[1].name, "of whom UASC");
    assert!(c.values_are_counts);
}

#[test]
fn the_rate_is_compared_with_neighbours_and_england() {
    let doc = children_in_care_document(&figures(), "Kirklees Council", Audience::Internal);
    assert_eq!(
        paragraph(section(&doc, "rate")),
        "This equates to a rate of 63.8 per 10,000 children aged 0-17 (62.8 last month), below \
         the statistical neighbour average of 86.1 (at 31 March 2025) and below the England \
         average of 70.0 (at 31 March 2025)."
    );
    let c = chart(&doc, "cla-rate");
    assert!(!c.values_are_counts);
    assert_eq!(
        c.categories,
        ["Kirklees Mar 2026", "Neighbours 2025", "England 2025"]
    );
    assert_eq!(c.series[0].values, [Some(63.8), Some(86.1), Some(70.0)]);
}

#[test]
fn tables_have_shares_and_totals() {
    let doc = children_in_care_document(&figures(), "Kirklees Council", Audience::Internal);
    let eth = table(&doc, "ethnicity");
    // Year ago: 640 in total; now 639.
    assert_eq!(
        texts(&eth.rows[0]),
        ["White", "470", "73.4%", "450", "70.4%"]
    );
    let total = eth.rows.last().unwrap();
    assert!(total.is_total);
    assert_eq!(texts(total), ["Total", "640", "100.0%", "639", "100.0%"]);
    let age = table(&doc, "age-sex");
    // 18+ is dropped when empty both months; no "Not known" column when nobody's sex is unknown.
    assert_eq!(age.rows.len(), 3);
    assert_eq!(texts(&age.rows[1]), ["10-15 years", "115", "91", "206"]);
    assert_eq!(texts(&age.rows[2]), ["Total", "135", "95", "230"]);
    let legal = table(&doc, "legal-status");
    assert_eq!(legal.rows.len(), 3, "short breaks are never listed");
    let far = table(&doc, "placed-far");
    assert_eq!(texts(&far.rows[12]), ["31 Mar 2026", "88", "13.8%"]);
}

#[test]
fn the_public_version_withholds_small_counts_everywhere() {
    let doc = disclose(children_in_care_document(
        &figures(),
        "Kirklees Council",
        Audience::Public,
    ));
    let entrants = table(&doc, "entrants");
    // 5, 3, 3, 1, 3, 0 of 15: every non-zero count is 1-5, so all are withheld; zeros stay.
    for row in entrants.rows.iter().filter(|r| !r.is_total) {
        let cells = texts(row);
        assert!(cells[1] == "c" || cells[1] == "0", "{cells:?}");
        if cells[1] == "c" {
            assert_eq!(cells[2], "c", "a share of a withheld count is withheld");
        }
    }
    assert_eq!(
        paragraph(section(&doc, "entrants")),
        "15 children entered care in March 2026. Note that the breakdown by ethnicity is based \
         on small numbers."
    );
    // Girls under 1 (4) are withheld, and so is a second cell so the row total cannot reveal it.
    let age = table(&doc, "age-sex");
    let under1 = texts(&age.rows[0]);
    assert_eq!(under1[2], "c");
    assert_eq!(under1.iter().filter(|c| *c == "c").count(), 2, "{under1:?}");
    let sentence = paragraph(section(&doc, "age-sex"));
    assert!(!sentence.contains(" 4"), "{sentence}");
}

#[test]
fn public_charts_withhold_what_their_tables_withhold() {
    let doc = disclose(children_in_care_document(
        &figures(),
        "Kirklees Council",
        Audience::Public,
    ));
    // The table withholds girls under 1 (4), then boys under 1 (20) so the row total cannot
    // reveal it, then girls 10-15 (91) for the column total, then boys 10-15 (115) for that
    // row: the chart must not show 20, 115 or 91 either, or the totals would give the 4 away.
    let age = table(&doc, "age-sex");
    assert_eq!(texts(&age.rows[1]), ["10-15 years", "c", "c", "206"]);
    let c = chart(&doc, "age-sex-chart");
    assert_eq!(c.series[0].values, [None, None], "boys");
    assert_eq!(c.series[1].values, [None, None], "girls");
    assert!(c.series[0].is_suppressed(1));
    // Internal: everything shown.
    let internal = children_in_care_document(&figures(), "Kirklees Council", Audience::Internal);
    let c = chart(&internal, "age-sex-chart");
    assert_eq!(c.series[0].values, [Some(20.0), Some(115.0)]);
}

#[test]
fn a_public_rate_is_withheld_when_it_would_reveal_a_small_count() {
    let mut f = figures();
    if let Some(last) = f.monthly.last_mut() {
        last.looked_after = 4;
    }
    let doc = children_in_care_document(&f, "Kirklees Council", Audience::Public);
    let c = chart(&doc, "cla-rate");
    assert_eq!(c.series[0].values[0], None);
    let rate = section(&doc, "rate");
    assert!(rate.blocks.iter().any(|b| matches!(
        b,
        Block::Notice { text, .. } if text.starts_with("The rate is not shown")
    )));
    // Internal: the rate is stated.
    let doc = children_in_care_document(&f, "Kirklees Council", Audience::Internal);
    assert_eq!(chart(&doc, "cla-rate").series[0].values[0], Some(63.8));
}
