//! The eleven Annex A lists: their headings in template order (January 2024 template, as in
//! `shared/reference/annex-a/lists.csv`), which columns the reader carries back into the model,
//! and how a header row is matched to a list despite local spelling.

/// How the reader treats a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Use {
    /// Read back into the model; the reader refuses a list without it.
    Carried,
    /// Read back when present (columns added by the January 2024 template).
    CarriedOptional,
    /// Computed from other records when writing (ages, counts, latest dates, allocations);
    /// ignored when reading.
    Derived,
}

/// One column of a list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ListColumn {
    pub heading: &'static str,
    pub usage: Use,
}

/// One list.
#[derive(Debug)]
pub(crate) struct ListSpec {
    pub number: u8,
    pub name: &'static str,
    pub columns: &'static [ListColumn],
}

impl ListSpec {
    /// Index of a heading in this list (headings are constants, so absence is a bug caught by
    /// the round-trip tests; it yields an index that reads as an absent column).
    pub fn col(&self, heading: &str) -> usize {
        debug_assert!(
            self.columns.iter().any(|c| c.heading == heading),
            "list {} has no column {heading}",
            self.number
        );
        self.columns
            .iter()
            .position(|c| c.heading == heading)
            .unwrap_or(usize::MAX)
    }
}

const fn carried(heading: &'static str) -> ListColumn {
    ListColumn {
        heading,
        usage: Use::Carried,
    }
}

const fn optional(heading: &'static str) -> ListColumn {
    ListColumn {
        heading,
        usage: Use::CarriedOptional,
    }
}

const fn derived(heading: &'static str) -> ListColumn {
    ListColumn {
        heading,
        usage: Use::Derived,
    }
}

pub(crate) const CHILD_ID: &str = "Child Unique ID";
pub(crate) const GENDER: &str = "Gender";
pub(crate) const ETHNICITY: &str = "Ethnicity";
pub(crate) const DOB: &str = "Date of Birth";
pub(crate) const AGE: &str = "Age of Child (Years)";
pub(crate) const DISABILITY: &str = "Does the Child have a Disability";
pub(crate) const TEAM: &str = "Allocated Team";
pub(crate) const WORKER: &str = "Allocated Worker";

const C_ID: ListColumn = carried(CHILD_ID);
const C_GENDER: ListColumn = carried(GENDER);
const C_ETHNICITY: ListColumn = carried(ETHNICITY);
const C_DOB: ListColumn = carried(DOB);
const C_AGE: ListColumn = derived(AGE);
const C_DISABILITY: ListColumn = carried(DISABILITY);
const C_TEAM: ListColumn = derived(TEAM);
const C_WORKER: ListColumn = derived(WORKER);

pub(crate) static LIST_1: ListSpec = ListSpec {
    number: 1,
    name: "Contacts",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        carried("Date of Contact"),
        carried("Contact Source"),
    ],
};

pub(crate) static LIST_2: ListSpec = ListSpec {
    number: 2,
    name: "Early help",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        carried("Assessment start date"),
        carried("Assessment completion date"),
        carried("Organisation completing assessment"),
    ],
};

pub(crate) static LIST_3: ListSpec = ListSpec {
    number: 3,
    name: "Referrals",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        carried("Date of Referral"),
        carried("Referral Source"),
        carried("Referral NFA?"),
        derived("Number of Referrals in Last 12 Months"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_4: ListSpec = ListSpec {
    number: 4,
    name: "Assessments",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        C_DISABILITY,
        carried("Continuous Assessment Start Date"),
        derived("Child Seen During Continuous Assessment"),
        carried("Continuous Assessment Date of Authorisation"),
        carried("Was the child assessed as requiring LA children's social care support?"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_5: ListSpec = ListSpec {
    number: 5,
    name: "Section 47 enquiries and ICPCs",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        C_DISABILITY,
        carried("Strategy discussion initiating Section 47 Enquiry Start Date"),
        carried("Was an Initial Child Protection Conference deemed unnecessary?"),
        carried("Date of Initial Child Protection Conference"),
        carried("Did the Initial Child Protection Conference Result in a Child Protection Plan"),
        derived("Number of Section 47 Enquiries in the last 12 months"),
        derived("Number of ICPCs in the last 12 months"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_6: ListSpec = ListSpec {
    number: 6,
    name: "Children in need",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        C_DISABILITY,
        carried("CIN Start Date"),
        carried("Primary Need Code"),
        derived("Date Child Was Last Seen"),
        carried("CIN Closure Date"),
        carried("Reason for Closure"),
        derived("Case Status"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_7: ListSpec = ListSpec {
    number: 7,
    name: "Child protection",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        C_DISABILITY,
        carried("Child Protection Plan Start Date"),
        carried("Initial Category of Abuse"),
        carried("Latest Category of Abuse"),
        carried("Date of the Last Statutory Visit"),
        carried("Was the Child Seen Alone?"),
        carried("Date of latest review conference"),
        carried("Child Protection Plan End Date"),
        derived(
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        ),
        carried("Number of Previous Child Protection Plans"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_8: ListSpec = ListSpec {
    number: 8,
    name: "Children in care",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        carried("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"),
        C_DISABILITY,
        carried("Date Started to be Looked After"),
        carried("Child's Category of Need"),
        derived(
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        ),
        carried("Start date of current legal status"),
        carried("Child's Legal Status"),
        derived("Date of Latest Statutory Review"),
        carried("Date of Last Social Work Visit"),
        derived("What is the permanence plan for this child?"),
        derived("Date of Last IRO Visit / Contact to the Child"),
        derived("Date of Last Health Assessment"),
        derived("Date of Last Dental Check"),
        derived("Number of Placements in the Last 12 months"),
        carried("Date Ceased to be Looked After"),
        carried("Reason Ceased to be Looked After"),
        carried("Start Date of Most Recent Placement"),
        carried("Placement Type"),
        carried("Placement Provider"),
        carried("Placement postcode"),
        carried("URN of Placement"),
        derived("Placement Location"),
        carried("LA of Placement"),
        derived(
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        ),
        derived(
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        ),
        derived("Was the child offered a Return Interview after their last missing episode (Y/N)?"),
        derived("Did the child accept a Return Interview after their last missing episode (Y/N)?"),
        C_TEAM,
        C_WORKER,
    ],
};

pub(crate) static LIST_9: ListSpec = ListSpec {
    number: 9,
    name: "Care leavers",
    columns: &[
        C_ID,
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        optional("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"),
        C_DISABILITY,
        C_TEAM,
        C_WORKER,
        optional("Allocated Personal Advisor"),
        derived("Eligibility Category"),
        optional("Latest Pathway Plan Review Date"),
        carried("LA in Touch"),
        optional("Latest Date of Contact"),
        carried("Type of Accommodation"),
        carried("Suitability of Accommodation"),
        carried("Activity Status"),
    ],
};

pub(crate) static LIST_10: ListSpec = ListSpec {
    number: 10,
    name: "Adoption",
    columns: &[
        C_ID,
        optional("Family identifier"),
        C_GENDER,
        C_ETHNICITY,
        C_DOB,
        C_AGE,
        C_DISABILITY,
        derived("Date the Child Entered Care"),
        carried("Date of Decision that Child Should be Placed for Adoption"),
        carried("Date of Placement Order"),
        carried("Date of Matching Child and Prospective Adopters"),
        carried("Date Placed for Adoption"),
        carried("Date of Adoption Order"),
        carried("Date of Decision that Child Should No Longer be Placed for Adoption"),
        carried("Reason Why Child No Longer Placed for Adoption"),
        derived("Date the child was placed for fostering in FFA or concurrent planning placement"),
    ],
};

pub(crate) static LIST_11: ListSpec = ListSpec {
    number: 11,
    name: "Adopters",
    columns: &[
        derived("Individual adopter identifier"),
        derived("Family identifier"),
        derived("Gender"),
        derived("Ethnicity"),
        derived("Disability"),
        derived("Is the (prospective) adopter fostering for adoption?"),
        derived("Date enquiry received"),
        derived("Date Stage 1 started"),
        derived("Date Stage 1 ended"),
        derived("Date Stage 2 started"),
        derived("Date Stage 2 ended"),
        derived("Date application submitted"),
        derived("Date application approved"),
        derived("Date adopter matched with child(ren)"),
        derived("Date child/children placed with adopter(s)"),
        derived("No. of children placed"),
        derived("Date of Adoption Order"),
        derived("Date of leaving adoption process"),
        derived("Reason for leaving adoption process"),
    ],
};

/// The eleven lists in order.
pub(crate) static LISTS: [&ListSpec; 11] = [
    &LIST_1, &LIST_2, &LIST_3, &LIST_4, &LIST_5, &LIST_6, &LIST_7, &LIST_8, &LIST_9, &LIST_10,
    &LIST_11,
];

/// The matching key of a heading: lower case, every run of non-alphanumerics (brackets, `?`,
/// `/`, stray `)`, curly quotes, extra spaces) turned into one space, so that local spellings of
/// the template's headings meet. The short heading `Age` means `Age of Child (Years)`.
pub(crate) fn heading_key(heading: &str) -> String {
    let mut key = String::with_capacity(heading.len());
    for word in heading
        .trim_start_matches('\u{feff}')
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    if key == "age" {
        return heading_key(AGE);
    }
    key
}

/// How well a header row matches a list: the list, and for each of its columns the position
/// of the matching header cell.
pub(crate) struct HeaderMatch {
    pub list: &'static ListSpec,
    pub positions: Vec<Option<usize>>,
}

impl HeaderMatch {
    /// Headings of required columns the header lacks.
    pub fn missing(&self) -> Vec<&'static str> {
        self.list
            .columns
            .iter()
            .zip(&self.positions)
            .filter(|(c, p)| c.usage == Use::Carried && p.is_none())
            .map(|(c, _)| c.heading)
            .collect()
    }
}

/// Finds the list a header row belongs to, whatever the column order: the list with the most
/// of its own headings (those no other list has, such as `Date of Contact`) present, then the
/// largest share of all its headings. At least one own heading and three headings in all must
/// match, so councils' files that leave out derived columns are still recognised.
pub(crate) fn match_header<S: AsRef<str>>(header: &[S]) -> Option<HeaderMatch> {
    let keys: Vec<String> = header.iter().map(|h| heading_key(h.as_ref())).collect();
    let list_keys: Vec<Vec<String>> = LISTS
        .iter()
        .map(|l| l.columns.iter().map(|c| heading_key(c.heading)).collect())
        .collect();
    let own = |list: usize, key: &String| {
        list_keys
            .iter()
            .enumerate()
            .all(|(other, keys)| other == list || !keys.contains(key))
    };
    LISTS
        .iter()
        .zip(&list_keys)
        .enumerate()
        .map(|(i, (list, columns))| {
            let positions: Vec<Option<usize>> = columns
                .iter()
                .map(|key| keys.iter().position(|k| k == key))
                .collect();
            let found = positions.iter().filter(|p| p.is_some()).count();
            let own_found = columns
                .iter()
                .zip(&positions)
                .filter(|(key, p)| p.is_some() && own(i, key))
                .count();
            (own_found, found, columns.len(), positions, *list)
        })
        .filter(|(own_found, found, ..)| *own_found >= 1 && *found >= 3)
        .max_by(|a, b| a.0.cmp(&b.0).then((a.1 * b.2).cmp(&(b.1 * a.2))))
        .map(|(.., positions, list)| HeaderMatch { list, positions })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_those_of_the_reference_template() {
        let reference = include_str!("../../../../../shared/reference/annex-a/lists.csv");
        let mut rows = csv::Reader::from_reader(reference.as_bytes());
        let mut expected: Vec<(u8, String)> = Vec::new();
        for row in rows.records() {
            let row = row.unwrap();
            expected.push((row[0].parse().unwrap(), row[2].to_owned()));
        }
        let ours: Vec<(u8, String)> = LISTS
            .iter()
            .flat_map(|l| l.columns.iter().map(|c| (l.number, c.heading.to_owned())))
            .collect();
        assert_eq!(ours, expected);
    }

    #[test]
    fn heading_keys_forgive_case_spacing_and_stray_brackets() {
        assert_eq!(
            heading_key("  referral   NFA? "),
            heading_key("Referral NFA?")
        );
        assert_eq!(heading_key("Age"), heading_key("Age of Child (Years)"));
        assert_eq!(
            heading_key(
                "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))"
            ),
            heading_key(
                "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
            )
        );
        assert_eq!(
            heading_key("Child\u{2019}s Legal Status"),
            heading_key("Child's Legal Status")
        );
    }

    #[test]
    fn each_list_is_recognised_from_its_own_headings_shuffled() {
        for list in LISTS {
            let mut headings: Vec<&str> = list.columns.iter().map(|c| c.heading).collect();
            headings.reverse();
            let m = match_header(&headings).unwrap();
            assert_eq!(m.list.number, list.number);
            assert!(m.missing().is_empty());
        }
        // List 1 without its source column is still list 1, with the column reported missing.
        let m =
            match_header(&[CHILD_ID, GENDER, ETHNICITY, DOB, "Age", "Date of Contact"]).unwrap();
        assert_eq!(m.list.number, 1);
        assert_eq!(m.missing(), vec!["Contact Source"]);
        assert!(match_header(&["CHILD", "SEX", "DOB"]).is_none());
    }
}
