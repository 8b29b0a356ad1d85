//! JSON for the first-load module: SWR's answers, `config.json`, the kept session, request
//! bodies. miniserde parses without generic visitors or formatted errors, which made the
//! main module ≈ 60 KB smaller than serde_json did (BENCHMARKS.md); the organization chunk's
//! export still uses serde_json. A field read here says which field was wrong, so an answer
//! the console cannot read is reported with the reason.

pub use miniserde::json::{Array, Object, Value};

/// The value in `text`, or `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Value> {
    miniserde::json::from_str(text).ok()
}

/// `{"key": value, …}` as text.
pub fn write(fields: Vec<(&str, Value)>) -> String {
    to_text(&object(fields))
}

pub fn to_text(v: &Value) -> String {
    miniserde::json::to_string(v)
}

pub fn object(fields: Vec<(&str, Value)>) -> Value {
    let mut o = Object::new();
    for (k, v) in fields {
        o.insert(k.to_string(), v);
    }
    Value::Object(o)
}

pub fn string(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

/// What the console asks of a parsed value, in serde_json's words.
pub trait Read {
    fn get(&self, key: &str) -> Option<&Value>;
    fn as_str(&self) -> Option<&str>;
    fn as_i64(&self) -> Option<i64>;
    fn as_array(&self) -> Option<&Array>;
    fn is_object(&self) -> bool;
}

impl Read for Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    fn as_i64(&self) -> Option<i64> {
        use miniserde::json::Number;
        match self {
            Value::Number(Number::I64(n)) => Some(*n),
            Value::Number(Number::U64(n)) => i64::try_from(*n).ok(),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&Array> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

/// Fields of one JSON object, read the way SWR's models allow: a missing or `null` field
/// is the default (older regions omit some), a field of another type is an error naming it.
/// `None`: a nested object that is absent, read as empty.
pub struct Fields<'a>(Option<&'a Object>);

impl<'a> Fields<'a> {
    pub fn of(v: &'a Value, what: &str) -> Result<Fields<'a>, String> {
        match v {
            Value::Object(o) => Ok(Fields(Some(o))),
            _ => Err(format!("{what} is not an object")),
        }
    }

    fn present(&self, key: &str) -> Option<&'a Value> {
        self.0?.get(key).filter(|v| !matches!(v, Value::Null))
    }

    pub fn text(&self, key: &str) -> Result<String, String> {
        match self.present(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(format!("`{key}` is not text")),
        }
    }

    pub fn flag(&self, key: &str) -> Result<Option<bool>, String> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(format!("`{key}` is not true or false")),
        }
    }

    pub fn int(&self, key: &str) -> Result<Option<i64>, String> {
        self.present(key)
            .map(|v| {
                v.as_i64()
                    .ok_or_else(|| format!("`{key}` is not a whole number"))
            })
            .transpose()
    }

    /// Text that must be there.
    pub fn required(&self, key: &str) -> Result<String, String> {
        match self.present(key) {
            None => Err(format!("`{key}` is missing")),
            Some(_) => self.text(key),
        }
    }

    /// A nested object; missing reads as an empty one.
    pub fn object(&self, key: &str) -> Result<Fields<'a>, String> {
        match self.present(key) {
            None => Ok(Fields(None)),
            Some(v) => Fields::of(v, &format!("`{key}`")),
        }
    }

    pub fn list(&self, key: &str) -> Result<&'a [Value], String> {
        match self.present(key) {
            None => Ok(&[]),
            Some(v) => items(v, &format!("`{key}`")),
        }
    }

    /// A list that must be there.
    pub fn required_list(&self, key: &str) -> Result<&'a [Value], String> {
        match self.present(key) {
            None => Err(format!("`{key}` is missing")),
            Some(v) => items(v, &format!("`{key}`")),
        }
    }
}

/// The items of a top-level list.
pub fn items<'a>(v: &'a Value, what: &str) -> Result<&'a [Value], String> {
    v.as_array()
        .map(|a| a.as_slice())
        .ok_or_else(|| format!("{what} is not a list"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_with_defaults_and_names_a_wrong_type() {
        let v = parse(r#"{"a":"x","n":7,"b":true,"z":null,"o":{"k":"v"},"l":[1]}"#).unwrap();
        let f = Fields::of(&v, "it").unwrap();
        assert_eq!(f.text("a").unwrap(), "x");
        assert_eq!(f.text("missing").unwrap(), "");
        assert_eq!(f.text("z").unwrap(), "");
        assert_eq!(f.int("n").unwrap(), Some(7));
        assert_eq!(f.int("missing").unwrap(), None);
        assert_eq!(f.required("a").unwrap(), "x");
        assert_eq!(f.required("z").unwrap_err(), "`z` is missing");
        assert!(f.required_list("missing").is_err());
        assert_eq!(f.flag("b").unwrap(), Some(true));
        assert_eq!(f.flag("missing").unwrap(), None);
        assert_eq!(f.object("o").unwrap().text("k").unwrap(), "v");
        assert_eq!(f.object("missing").unwrap().text("k").unwrap(), "");
        assert_eq!(f.list("l").unwrap().len(), 1);
        assert_eq!(f.text("n").unwrap_err(), "`n` is not text");
        assert_eq!(f.int("a").unwrap_err(), "`a` is not a whole number");
        assert_eq!(f.flag("a").unwrap_err(), "`a` is not true or false");
        assert!(Fields::of(&Value::Null, "the body").is_err());
        assert!(items(&v, "the body").is_err());
    }

    #[test]
    fn not_json_is_none_and_text_round_trips() {
        assert!(parse("{\"cut\": ").is_none());
        assert!(parse("<html>").is_none());
        let text = write(vec![("d", string("quote \" and \\ and \u{e9} and \n"))]);
        let back = parse(&text).unwrap();
        assert_eq!(
            Fields::of(&back, "x").unwrap().text("d").unwrap(),
            "quote \" and \\ and \u{e9} and \n"
        );
    }
}
