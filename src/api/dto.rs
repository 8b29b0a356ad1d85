//! The JSON SWR and IAM send, mirrored loosely: every field has a default, because the
//! GET-one model marks all of them optional and older regions omit some.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
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

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct NamespaceDto {
    pub id: i64,
    pub name: String,
    pub creator_name: String,
    /// 7 manage, 3 write, 1 read.
    pub auth: i64,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct NamespacesDto {
    pub namespaces: Vec<NamespaceDto>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct RepoDto {
    pub name: String,
    pub namespace: String,
    pub is_public: bool,
    pub path: String,
    pub total_range: i64,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TokenBodyDto {
    pub token: TokenDto,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TokenDto {
    pub expires_at: String,
    pub user: TokenUserDto,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TokenUserDto {
    pub name: String,
    pub domain: NamedDto,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct NamedDto {
    pub id: String,
    pub name: String,
}
