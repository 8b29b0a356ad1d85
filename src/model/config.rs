//! `config.json`, served next to `index.html`, so a static host can point the app at its
//! proxy without rebuilding. Missing or broken config falls back to the same origin.

use crate::json::{self, Fields, Value};

#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Project (region) name used to scope IAM tokens, e.g. `eu-de`.
    pub id: String,
    pub label: String,
    /// SWR API base as the browser reaches it: a path on this origin (the proxy) or a URL.
    pub swr: String,
    /// IAM base as the browser reaches it.
    pub iam: String,
    /// Registry host for `docker pull`, e.g. `swr.eu-de.otc.t-systems.com`.
    pub registry: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    pub regions: Vec<Region>,
    /// Portal origins allowed to frame the console and hand it a token (iframe mode).
    pub embed_origins: Vec<String>,
    /// Shares ending within this many days are flagged "expiring soon".
    pub expiry_warning_days: i64,
}

fn default_warning_days() -> i64 {
    super::expiry::DEFAULT_WARNING_DAYS
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            regions: vec![Region {
                id: "eu-de".into(),
                label: "This origin".into(),
                swr: String::new(),
                iam: String::new(),
                registry: String::new(),
            }],
            embed_origins: Vec::new(),
            expiry_warning_days: default_warning_days(),
        }
    }
}

impl AppConfig {
    /// Parses `config.json`; an unusable file yields the default and a reason to show.
    pub fn parse(text: &str) -> (AppConfig, Option<String>) {
        let read = json::parse(text)
            .ok_or_else(|| "it is not complete JSON".to_string())
            .and_then(|v| AppConfig::read(&v));
        match read {
            Ok(c) if !c.regions.is_empty() => (c, None),
            Ok(_) => (
                AppConfig::default(),
                Some("config.json lists no regions; using this origin.".into()),
            ),
            Err(e) => (
                AppConfig::default(),
                Some(format!(
                    "config.json could not be read ({e}); using this origin."
                )),
            ),
        }
    }

    /// `regions` and each region's `id` and `label` are required,
    /// the rest default.
    fn read(v: &Value) -> Result<AppConfig, String> {
        let f = Fields::of(v, "the file")?;
        let regions = f.required_list("regions")?.iter().map(|r| {
            let r = Fields::of(r, "a region")?;
            Ok(Region {
                id: r.required("id")?,
                label: r.required("label")?,
                swr: r.text("swr")?,
                iam: r.text("iam")?,
                registry: r.text("registry")?,
            })
        });
        let origins = f.list("embed_origins")?.iter().map(|o| match o {
            Value::String(s) => Ok(s.clone()),
            _ => Err("`embed_origins` holds something that is not text".to_string()),
        });
        Ok(AppConfig {
            regions: regions.collect::<Result<_, String>>()?,
            embed_origins: origins.collect::<Result<_, _>>()?,
            expiry_warning_days: f
                .int("expiry_warning_days")?
                .unwrap_or_else(default_warning_days),
        })
    }

    pub fn region(&self, id: &str) -> &Region {
        self.regions
            .iter()
            .find(|r| r.id == id)
            .unwrap_or(&self.regions[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_regions_and_falls_back() {
        let (c, warn) = AppConfig::parse(
            r#"{"regions":[{"id":"eu-de","label":"OTC eu-de","swr":"/swr/eu-de","iam":"/iam/eu-de","registry":"swr.eu-de.otc.t-systems.com"}]}"#,
        );
        assert_eq!(warn, None);
        assert_eq!(c.region("eu-de").swr, "/swr/eu-de");
        assert_eq!(
            c.region("unknown").id,
            "eu-de",
            "unknown ids fall back to the first region"
        );
        let (c, warn) = AppConfig::parse("{nope");
        assert_eq!(c, AppConfig::default());
        assert!(warn.unwrap().contains("config.json"));
        assert!(AppConfig::parse(r#"{"regions":[]}"#).1.is_some());
        let (c, _) = AppConfig::parse(
            r#"{"regions":[{"id":"x","label":"X"}],"embed_origins":["https://portal.example"]}"#,
        );
        assert_eq!(c.embed_origins, vec!["https://portal.example".to_string()]);
        assert_eq!(c.expiry_warning_days, default_warning_days());
        let (c, _) =
            AppConfig::parse(r#"{"regions":[{"id":"x","label":"X"}],"expiry_warning_days":30}"#);
        assert_eq!(c.expiry_warning_days, 30);
        // A region without its `id` is refused, and the reason names the field.
        let (c, warn) = AppConfig::parse(r#"{"regions":[{"label":"X"}]}"#);
        assert_eq!(c, AppConfig::default());
        assert!(warn.unwrap().contains("`id` is missing"));
        assert!(AppConfig::parse(r#"{}"#)
            .1
            .unwrap()
            .contains("`regions` is missing"));
    }
}
