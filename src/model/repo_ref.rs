//! An image repository: organization plus repository name.

use super::names::{validate_namespace, validate_repository};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RepoRef {
    pub namespace: String,
    pub repository: String,
}

impl RepoRef {
    /// Validated; trims surrounding spaces, which a paste often brings along.
    pub fn new(namespace: &str, repository: &str) -> Result<RepoRef, String> {
        let (ns, repo) = (namespace.trim(), repository.trim());
        validate_namespace(ns)?;
        validate_repository(repo)?;
        Ok(RepoRef {
            namespace: ns.into(),
            repository: repo.into(),
        })
    }

    /// The repository as a path segment: SWR wants every `/` sent as `$`.
    pub fn repository_segment(&self) -> String {
        self.repository.replace('/', "$")
    }

    pub fn display(&self) -> String {
        format!("{}/{}", self.namespace, self.repository)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_becomes_dollar_in_the_path() {
        let r = RepoRef::new(" acme-prod ", "ml/models/base").unwrap();
        assert_eq!(r.namespace, "acme-prod");
        assert_eq!(r.repository_segment(), "ml$models$base");
        assert_eq!(r.display(), "acme-prod/ml/models/base");
        assert!(RepoRef::new("Acme", "x").is_err());
    }
}
