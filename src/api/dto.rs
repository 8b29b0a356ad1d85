//! The JSON SWR and IAM send, mirrored loosely: every field has a default, because the
//! GET-one model marks all of them optional and older regions omit some (`json::Fields`).

use crate::json::{Fields, Value};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareDto {
    pub namespace: String,
    pub repository: String,
    pub access_domain: String,
    pub permit: String,
    pub deadline: String,
    pub description: String,
    pub creator_id: String,
    pub creator_name: String,
    pub created: String,
    pub updated: String,
    pub status: bool,
    /// Only on GET one.
    pub exist: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamespaceDto {
    pub id: i64,
    pub name: String,
    pub creator_name: String,
    /// 7 manage, 3 write, 1 read.
    pub auth: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamespacesDto {
    pub namespaces: Vec<NamespaceDto>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RepoDto {
    pub name: String,
    pub namespace: String,
    pub is_public: bool,
    pub path: String,
    pub total_range: i64,
    /// The owner account.
    pub domain_name: String,
    /// In the shared-repositories list: whether the share is still valid.
    pub status: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenBodyDto {
    pub token: TokenDto,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenDto {
    pub expires_at: String,
    pub user: TokenUserDto,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenUserDto {
    pub name: String,
    pub domain: NamedDto,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamedDto {
    pub id: String,
    pub name: String,
}

impl ShareDto {
    pub fn read(v: &Value) -> Result<ShareDto, String> {
        let f = Fields::of(v, "a share")?;
        Ok(ShareDto {
            namespace: f.text("namespace")?,
            repository: f.text("repository")?,
            access_domain: f.text("access_domain")?,
            permit: f.text("permit")?,
            deadline: f.text("deadline")?,
            description: f.text("description")?,
            creator_id: f.text("creator_id")?,
            creator_name: f.text("creator_name")?,
            created: f.text("created")?,
            updated: f.text("updated")?,
            status: f.flag("status")?.unwrap_or_default(),
            exist: f.flag("exist")?,
        })
    }
}

impl NamespaceDto {
    pub fn read(v: &Value) -> Result<NamespaceDto, String> {
        let f = Fields::of(v, "an organization")?;
        Ok(NamespaceDto {
            id: f.int("id")?.unwrap_or_default(),
            name: f.text("name")?,
            creator_name: f.text("creator_name")?,
            auth: f.int("auth")?.unwrap_or_default(),
        })
    }
}

impl NamespacesDto {
    pub fn read(v: &Value) -> Result<NamespacesDto, String> {
        let f = Fields::of(v, "the answer")?;
        let namespaces = f.list("namespaces")?.iter().map(NamespaceDto::read);
        Ok(NamespacesDto {
            namespaces: namespaces.collect::<Result<_, _>>()?,
        })
    }
}

impl RepoDto {
    pub fn read(v: &Value) -> Result<RepoDto, String> {
        let f = Fields::of(v, "a repository")?;
        Ok(RepoDto {
            name: f.text("name")?,
            namespace: f.text("namespace")?,
            is_public: f.flag("is_public")?.unwrap_or_default(),
            path: f.text("path")?,
            total_range: f.int("total_range")?.unwrap_or_default(),
            domain_name: f.text("domain_name")?,
            // A flag, though the documentation's table writes it as text.
            status: match f.text("status") {
                Ok(t) => match t.as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                },
                Err(_) => f.flag("status")?,
            },
        })
    }
}

impl TokenBodyDto {
    pub fn read(v: &Value) -> Result<TokenBodyDto, String> {
        let token = Fields::of(v, "the answer")?.object("token")?;
        let user = token.object("user")?;
        let domain = user.object("domain")?;
        Ok(TokenBodyDto {
            token: TokenDto {
                expires_at: token.text("expires_at")?,
                user: TokenUserDto {
                    name: user.text("name")?,
                    domain: NamedDto {
                        id: domain.text("id")?,
                        name: domain.text("name")?,
                    },
                },
            },
        })
    }
}
