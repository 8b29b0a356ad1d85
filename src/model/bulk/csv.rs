//! CSV as RFC 4180 has it (quotes, doubled quotes, commas and new lines inside quotes,
//! CRLF), made safe for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab or
//! a carriage return would run as a formula, so it is written with a leading `'` (as is a
//! cell that starts with `'` itself), and reading takes one leading `'` off again.

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

fn write_cell(out: &mut String, cell: &str) {
    let guarded = cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'');
    // A leading byte-order mark would be taken for the file's own and dropped.
    let quoted = cell.contains([',', '"', '\n', '\r']) || guarded || cell.starts_with('\u{feff}');
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// Reads every record. An unterminated quote is an error naming its line; nothing here
/// panics, whatever the input.
pub fn read(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let (mut in_quotes, mut was_quoted, mut line, mut quote_line) = (false, false, 1usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
                quote_line = line;
            }
            ',' => row.push(finish(&mut cell, &mut was_quoted)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                row.push(finish(&mut cell, &mut was_quoted));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if in_quotes {
        return Err(format!(
            "Line {quote_line}: a quoted cell is never closed (a \" is missing)."
        ));
    }
    if !cell.is_empty() || was_quoted || !row.is_empty() {
        row.push(finish(&mut cell, &mut was_quoted));
        rows.push(row);
    }
    // Blank lines carry nothing.
    rows.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    Ok(rows)
}

fn finish(cell: &mut String, was_quoted: &mut bool) -> String {
    *was_quoted = false;
    let c = std::mem::take(cell);
    match c.strip_prefix('\'') {
        Some(rest) => rest.to_string(),
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn quotes_commas_and_new_lines_round_trip() {
        let rows = vec![
            cells(&["account", "description"]),
            cells(&["a", "plain"]),
            cells(&["b", "with, comma"]),
            cells(&["c", "with \"quotes\""]),
            cells(&["d", "two\nlines\r\nand CRLF"]),
            cells(&["e", ""]),
        ];
        let text = write(&rows);
        assert!(text.contains("\"with, comma\""));
        assert!(text.contains("\"with \"\"quotes\"\"\""));
        assert_eq!(read(&text).unwrap(), rows);
    }

    #[test]
    fn formulas_are_defused_and_come_back_as_typed() {
        let rows = vec![cells(&[
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "'=kept",
            "''x",
            "ok",
        ])];
        let text = write(&rows);
        assert!(text.starts_with("\"'=HYPERLINK"));
        for cell in text.trim_end().split(',').take(4) {
            assert!(cell.starts_with("\"'"), "{cell} is defused");
        }
        assert_eq!(read(&text).unwrap(), rows);
    }

    #[test]
    fn spreadsheet_quirks_are_read() {
        assert_eq!(
            read("\u{feff}a,b\n\n1,2").unwrap(),
            vec![cells(&["a", "b"]), cells(&["1", "2"])]
        );
        assert_eq!(read("a,\"\"\r\n").unwrap(), vec![cells(&["a", ""])]);
        assert!(read("a,\"open\nb").unwrap_err().starts_with("Line 1:"));
    }
}
