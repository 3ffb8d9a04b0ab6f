//! Detection never panics, whatever a folder holds.
//! Run longer with `PROPTEST_CASES=20000 cargo test -p sightline-formats --test detect_fuzz`.

use proptest::prelude::*;

fn head() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        ("[ -~]{0,80}", prop::collection::vec(any::<u8>(), 0..60)).prop_map(|(prefix, rest)| {
            let mut bytes = prefix.into_bytes();
            bytes.extend(rest);
            bytes
        }),
        prop::sample::select(vec![
            "<?xml version=\"1.0\"?><Message><Children>",
            "PK\u{3}\u{4}",
            "\u{feff}pers_person_id,pers_sex\r\n",
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n",
            "Child Unique ID,Gender,Date of Contact,Contact Source\n",
            "\u{feff}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

proptest! {
    #[test]
    fn detection_never_panics(files in prop::collection::vec(head(), 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, bytes) in files.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}")), bytes).unwrap();
        }
        if let Ok(found) = sightline_formats::detect(&[dir.path().to_path_buf()]) {
            for group in sightline_formats::group_by_format(&found) {
                let _ = sightline_formats::read_group(group.0, &group.1);
            }
        }
    }
}
