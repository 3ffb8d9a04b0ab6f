//! Shared by the rules comparing placements with Ofsted's provider lists (219, 221, 224, 227, 228,
//! 229, 241, 1008): the episodes whose URN is given, with the list's rows for that URN, and tiny
//! lists for tests.

use super::Ssda903Return;
use crate::providers::OfstedProvider;
use sightline_formats::ssda903::EpisodeRow;

/// The placeholder URN for a placement that has none.
pub(crate) const NO_URN: &str = "XXXXXXX";

/// Episodes with a URN given (not the `XXXXXXX` placeholder) and the providers listed under it
/// (empty when the URN is not listed: rule 1008 reports that, the other rules skip the row).
/// Empty without a provider list.
pub(crate) fn episodes_with_urn<'a>(
    data: &'a Ssda903Return,
) -> impl Iterator<Item = (&'a EpisodeRow, &'a str, &'a [OfstedProvider])> + 'a {
    let providers = data.providers;
    data.current.episodes.iter().filter_map(move |row| {
        let list = providers?;
        let urn = row.urn.value().map(|u| u.trim())?;
        (urn != NO_URN).then(|| (row, urn, list.get(urn)))
    })
}

/// Test support: a provider list from `URN;Placement code;Placement provider code;
/// Deregistration date;Setting address postcode` lines.
#[cfg(test)]
pub(crate) fn list(rows: &str) -> crate::providers::ProviderList {
    let mut list = crate::providers::ProviderList::default();
    let mut sheet = vec![
        [
            "URN",
            "Placement code",
            "Placement provider code",
            "Deregistration date",
            "Setting address postcode",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    sheet.extend(
        rows.lines()
            .map(|l| l.trim().split(';').map(str::to_owned).collect()),
    );
    list.add_sheet(&sheet).expect("test list parses");
    list
}

/// The child id of a row, as findings carry it.
pub(crate) fn child_of(row: &EpisodeRow) -> Option<&str> {
    row.child.value().map(|c| c.as_str())
}
