//! The importers take whatever a user pastes or uploads: they must never panic (a panic in
//! the browser ends the whole app), and CSV written here must read back as it was.

use proptest::prelude::*;

use super::{accounts, csv, import};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn csv_reader_never_panics(text in "(?s).{0,300}") {
        let _ = csv::read(&text);
    }

    #[test]
    fn csv_reader_never_panics_on_csv_like_text(text in "[a-z,\"'=+\\-@\r\n\t ]{0,200}") {
        let _ = csv::read(&text);
    }

    #[test]
    fn importer_never_panics(body in "[a-z/,\"0-9\\-\r\n ]{0,200}", header in prop::bool::ANY) {
        let text = if header { format!("account,repository,deadline,description\n{body}") } else { body };
        let _ = import::import_csv(&text);
    }

    #[test]
    fn account_parser_never_panics(text in "(?s).{0,300}") {
        let _ = accounts::parse_accounts(&text);
    }

    #[test]
    fn written_csv_reads_back(rows in prop::collection::vec(prop::collection::vec("(?s).{0,20}", 1..5), 1..6)) {
        // A record of one empty cell is a blank line, which carries nothing.
        let rows: Vec<Vec<String>> = rows.into_iter().filter(|r| !(r.len() == 1 && r[0].is_empty())).collect();
        prop_assert_eq!(csv::read(&csv::write(&rows)).unwrap(), rows);
    }
}
