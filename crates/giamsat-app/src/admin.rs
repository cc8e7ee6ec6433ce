//! An administrator's work on accounts: the list, a role granted over a unit, an account
//! disabled or enabled again, a new password (generated, shown once). Creating an account is
//! `App::add_account`. An administrator acts only on accounts whose every grant lies within
//! its own scope as admin, and grants only within it; it cannot disable its own account.

use giamsat_core::UnitId;
use giamsat_core::access::{Denied, Grant, Role};
use giamsat_store::{Account, AuditEntry, Store};
use time::OffsetDateTime;

use crate::accounts::{generate_password, hash_password};
use crate::{Actor, App, AppError, FieldError, Problem, Thing};

impl<S: Store> App<S> {
    /// The accounts an administrator may manage, by username: those whose every grant lies
    /// within one of its grants as admin. Anyone who is no admin is refused.
    pub async fn accounts(&self, actor: &Actor) -> Result<Vec<Account>, AppError> {
        if let Some(grants) = &actor.grants
            && !grants.iter().any(|g| g.role == Role::Admin)
        {
            return Err(AppError::Forbidden(Denied::Role));
        }
        let all = self.store.accounts().await?;
        Ok(all
            .into_iter()
            .filter(|a| self.administers(actor, a).is_ok())
            .collect())
    }

    /// Grants `role` over `unit` (a unit id, as a form's list of names gives it; `None` for
    /// the whole tree) to an account.
    pub async fn grant_role(
        &self,
        actor: &Actor,
        username: &str,
        role: &str,
        unit: Option<UnitId>,
    ) -> Result<Account, AppError> {
        let account = self.managed(actor, username).await?;
        let mut problems = Vec::new();
        let role = Role::parse(role.trim()).or_else(|| {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            problems.push(FieldError::new(
                "role",
                Problem::NotOneOf {
                    text: role.to_owned(),
                    allowed: names.join(", "),
                },
            ));
            None
        });
        if let Some(u) = unit
            && self.engine().unit(u).is_none()
        {
            problems.push(FieldError::new(
                "scope",
                Problem::Missing {
                    thing: Thing::Unit,
                    key: u.to_string(),
                },
            ));
        }
        let Some(role) = role.filter(|_| problems.is_empty()) else {
            return Err(AppError::Invalid(problems));
        };
        let grant = Grant { role, scope: unit };
        self.may_grant(actor, &grant)?;
        let scope = unit.and_then(|u| self.engine().unit(u).map(|x| x.code.to_string()));
        let audit = self.account_audit(
            actor,
            "account.grant",
            &account.username,
            Some(serde_json::json!({ "role": role.as_str(), "scope": scope })),
            unit,
        );
        self.store
            .add_grant(&account.username, &grant, &audit)
            .await?;
        self.reread(&account.username).await
    }

    /// Disables an account (its sessions and tokens stop at their next use) or enables it.
    pub async fn set_account_disabled(
        &self,
        actor: &Actor,
        username: &str,
        disabled: bool,
    ) -> Result<Account, AppError> {
        let account = self.managed(actor, username).await?;
        if disabled && account.username.eq_ignore_ascii_case(&actor.name) {
            return Err(AppError::Invalid(vec![FieldError::new(
                "",
                Problem::OwnAccount,
            )]));
        }
        let action = if disabled {
            "account.disable"
        } else {
            "account.enable"
        };
        let audit = self.account_audit(actor, action, &account.username, None, None);
        self.store
            .set_disabled(&account.username, disabled, &audit)
            .await?;
        self.reread(&account.username).await
    }

    /// Gives an account a new generated password, returned to be shown once; its sessions and
    /// tokens end.
    pub async fn reset_password(&self, actor: &Actor, username: &str) -> Result<String, AppError> {
        let account = self.managed(actor, username).await?;
        let password = generate_password()?;
        let audit = self.account_audit(actor, "account.password", &account.username, None, None);
        self.store
            .set_password(&account.username, &hash_password(&password)?, &audit)
            .await?;
        Ok(password)
    }

    /// The account, if the actor administers it: refused before anything of it is shown.
    pub(crate) async fn managed(&self, actor: &Actor, username: &str) -> Result<Account, AppError> {
        if let Some(grants) = &actor.grants
            && !grants.iter().any(|g| g.role == Role::Admin)
        {
            return Err(AppError::Forbidden(Denied::Role));
        }
        let not_found = || AppError::NotFound {
            what: Thing::Account,
            key: username.to_owned(),
        };
        let account = self.store.account(username).await?.ok_or_else(not_found)?;
        // An account outside the admin's scope is as good as absent to it.
        self.administers(actor, &account).map_err(|_| not_found())?;
        Ok(account)
    }

    fn administers(&self, actor: &Actor, account: &Account) -> Result<(), AppError> {
        if account.grants.is_empty() {
            return self.may_grant(actor, &Grant::everywhere(Role::Viewer));
        }
        account
            .grants
            .iter()
            .try_for_each(|g| self.may_grant(actor, g))
    }

    /// Whether the actor is an admin over all of `grant`'s scope.
    fn may_grant(&self, actor: &Actor, grant: &Grant) -> Result<(), AppError> {
        let Some(own) = &actor.grants else {
            return Ok(());
        };
        let engine = self.engine();
        let covered = own
            .iter()
            .any(|g| g.role == Role::Admin && g.contains(&engine, grant));
        if covered {
            Ok(())
        } else {
            Err(AppError::Forbidden(match grant.scope {
                Some(unit) => Denied::Scope(unit),
                None => Denied::Role,
            }))
        }
    }

    pub(crate) fn account_audit(
        &self,
        actor: &Actor,
        action: &str,
        username: &str,
        after: Option<serde_json::Value>,
        unit: Option<UnitId>,
    ) -> AuditEntry {
        AuditEntry {
            at: OffsetDateTime::now_utc(),
            actor: actor.name.clone(),
            action: action.to_owned(),
            object: format!("account:{username}"),
            before: None,
            after,
            unit,
        }
    }

    async fn reread(&self, username: &str) -> Result<Account, AppError> {
        self.store
            .account(username)
            .await?
            .ok_or_else(|| AppError::NotFound {
                what: Thing::Account,
                key: username.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use giamsat_core::UnitCode;
    use giamsat_store::SqlStore;

    use super::*;

    async fn app() -> (tempfile::TempDir, App<SqlStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SqlStore::open(dir.path().join("g.db").to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("tester")).await.expect("demo");
        (dir, app)
    }

    fn unit(app: &App<SqlStore>, code: &str) -> UnitId {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    }

    fn admin_of(app: &App<SqlStore>, code: &str) -> Actor {
        Actor::with_grants("admin.na", vec![Grant::over(Role::Admin, unit(app, code))])
    }

    #[tokio::test]
    async fn an_admin_grants_disables_and_resets_accounts_within_its_scope_only() {
        let (_dir, app) = app().await;
        let system = Actor::named("tester");
        let scoped = [("viewer".to_owned(), Some("40".to_owned()))];
        app.add_account(&system, "lan", "Lan", &scoped)
            .await
            .expect("lan");
        let elsewhere = [("viewer".to_owned(), Some("22".to_owned()))];
        app.add_account(&system, "hai", "Hải", &elsewhere)
            .await
            .expect("hai");
        let admin = admin_of(&app, "40");
        let listed: Vec<String> = app
            .accounts(&admin)
            .await
            .expect("list")
            .into_iter()
            .map(|a| a.username)
            .collect();
        assert_eq!(listed, ["lan"], "only the accounts within its scope");
        let office = app
            .grant_role(&admin, "lan", "office", Some(unit(&app, "40-UBND")))
            .await
            .expect("granted");
        assert!(
            office
                .grants
                .contains(&Grant::over(Role::Office, unit(&app, "40-UBND")))
        );
        // Outside its scope: the account is as good as absent, the unit refused.
        let hidden = app.grant_role(&admin, "hai", "office", None).await;
        assert!(
            matches!(hidden, Err(AppError::NotFound { .. })),
            "{hidden:?}"
        );
        let outside = app
            .grant_role(&admin, "lan", "office", Some(unit(&app, "22")))
            .await;
        assert!(
            matches!(outside, Err(AppError::Forbidden(_))),
            "{outside:?}"
        );
        let bad_role = app
            .grant_role(&admin, "lan", "chief", Some(unit(&app, "40")))
            .await;
        assert!(
            matches!(&bad_role, Err(AppError::Invalid(e)) if e[0].field == "role"),
            "{bad_role:?}"
        );
        // Disabled, the account cannot sign in; enabled again, it can with a new password.
        let disabled = app
            .set_account_disabled(&admin, "lan", true)
            .await
            .expect("disabled");
        assert!(disabled.disabled);
        let password = app.reset_password(&admin, "lan").await.expect("reset");
        let here: std::net::IpAddr = [127, 0, 0, 1].into();
        assert!(app.sign_in("lan", &password, here, None).await.is_err());
        app.set_account_disabled(&admin, "lan", false)
            .await
            .expect("enabled");
        app.sign_in("lan", &password, here, None)
            .await
            .expect("signs in with the new password");
        // Nobody else may, and an admin does not lock itself out.
        let viewer = Actor::with_grants("v", vec![Grant::over(Role::Viewer, unit(&app, "40"))]);
        for refused in [
            app.accounts(&viewer).await.map(|_| ()),
            app.grant_role(&viewer, "lan", "admin", None)
                .await
                .map(|_| ()),
            app.reset_password(&viewer, "lan").await.map(|_| ()),
        ] {
            assert!(
                matches!(refused, Err(AppError::Forbidden(_))),
                "{refused:?}"
            );
        }
        app.add_account(
            &system,
            "admin.na",
            "Admin",
            &[("admin".to_owned(), Some("40".to_owned()))],
        )
        .await
        .expect("the admin's own account");
        let own = app.set_account_disabled(&admin, "admin.na", true).await;
        assert!(
            matches!(&own, Err(AppError::Invalid(e)) if e[0].problem == Problem::OwnAccount),
            "{own:?}"
        );
        let actions: Vec<String> = app
            .audit_trail(&system, Some("account:lan"), 20)
            .await
            .expect("trail")
            .into_iter()
            .map(|e| e.action)
            .collect();
        for action in [
            "account.grant",
            "account.disable",
            "account.enable",
            "account.password",
        ] {
            assert!(
                actions.iter().any(|a| a == action),
                "{action} in {actions:?}"
            );
        }
    }
}
