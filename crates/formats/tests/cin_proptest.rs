//! The CIN census reader never panics: arbitrary bytes, and arbitrary element trees built from
//! the census vocabulary, either read or fail with an error. Inputs that once crashed are kept
//! as regression cases.

use std::path::Path;

use proptest::prelude::*;
use sightline_formats::cin::{self, CinChildren};

/// Streams, reads strictly and sniffs; only a panic can fail this.
fn read_any(bytes: &[u8]) {
    let _ = cin::sniff(bytes);
    for child in CinChildren::from_reader(bytes, Path::new("x.xml")) {
        if child.is_err() {
            break;
        }
    }
    let _ = cin::read_bytes(bytes, Path::new("x.xml"));
}

const NAMES: &[&str] = &[
    "Message",
    "Header",
    "CollectionDetails",
    "Year",
    "ReferenceDate",
    "Source",
    "LEA",
    "Children",
    "Child",
    "ChildIdentifiers",
    "LAchildID",
    "UPN",
    "FormerUPN",
    "UPNunknown",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "Sex",
    "GenderCurrent",
    "PersonDeathDate",
    "ChildCharacteristics",
    "Ethnicity",
    "Disabilities",
    "Disability",
    "CINdetails",
    "CINreferralDate",
    "ReferralSource",
    "PrimaryNeedCode",
    "CINclosureDate",
    "ReasonForClosure",
    "DateOfInitialCPC",
    "Assessments",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
    "FactorsIdentifiedAtAssessment",
    "AssessmentFactors",
    "CINPlanDates",
    "CINPlanStartDate",
    "CINPlanEndDate",
    "Section47",
    "S47ActualStartDate",
    "InitialCPCtarget",
    "ICPCnotRequired",
    "ReferralNFA",
    "ChildProtectionPlans",
    "CPPstartDate",
    "CPPendDate",
    "InitialCategoryOfAbuse",
    "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
    "Reviews",
    "CPPreviewDate",
    "x:Other",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "2025-03-31",
            "2022-13-45",
            "31/03/2025",
            "true",
            "0",
            "FALSE",
            "M",
            "U",
            "1",
            "WBRI",
            "NONE",
            "LD",
            "N1",
            "RC8",
            "2A",
            "10",
            "21",
            "NEG",
            "3",
            "-1",
            "A123456789012",
            "382",
            "&amp;",
            "&#65;",
            "&#x0;",
            "&nope;",
            "<![CDATA[x]]>",
            "]]>",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,10}",
    ]
}

/// An element tree of census names, with texts, empty elements and stray text.
fn element() -> impl Strategy<Value = String> {
    let leaf = (prop::sample::select(NAMES.to_vec()), text(), any::<bool>()).prop_map(
        |(name, text, empty)| {
            if empty {
                format!("<{name}/>")
            } else {
                format!("<{name}>{text}</{name}>")
            }
        },
    );
    leaf.prop_recursive(6, 64, 6, |inner| {
        (
            prop::sample::select(NAMES.to_vec()),
            prop::collection::vec(inner, 0..6),
            text(),
        )
            .prop_map(|(name, children, stray)| {
                format!("<{name}>{stray}{}</{name}>", children.concat())
            })
    })
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(element(), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(children, decl, wrap)| {
            let body = children.concat();
            let mut text = if decl {
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".to_owned()
            } else {
                String::new()
            };
            if wrap {
                text.push_str(&format!(
                    "<Message><Children><Child>{body}</Child></Children></Message>"
                ));
            } else {
                text.push_str(&body);
            }
            text.into_bytes()
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_any(&bytes);
    }

    #[test]
    fn arbitrary_census_trees_never_panic(doc in document()) {
        read_any(&doc);
    }

    #[test]
    fn truncated_or_corrupted_documents_never_panic(doc in document(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = doc;
        if !bytes.is_empty() {
            let i = cut.index(bytes.len());
            bytes[i] = byte;
            read_any(&bytes[..i]);
        }
        read_any(&bytes);
    }
}

/// Inputs kept from fuzzing runs; each must read or fail cleanly.
#[test]
fn regression_inputs_read_or_fail_cleanly() {
    let deep = format!(
        "<Message><Children><Child>{}</Child></Children></Message>",
        "<a>".repeat(10_000)
    );
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xEF\xBB\xBF".to_vec(),
        b"<".to_vec(),
        b"<Message>".to_vec(),
        b"<Message/><Message/>".to_vec(),
        b"<Message><Children><Child/></Children></Message>".to_vec(),
        b"<Message><Children><Child><ChildIdentifiers><LAchildID>&#xD800;</LAchildID></ChildIdentifiers></Child></Children></Message>".to_vec(),
        deep.into_bytes(),
    ];
    for case in &cases {
        read_any(case);
    }
}
