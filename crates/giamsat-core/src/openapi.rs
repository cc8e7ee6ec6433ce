//! How a period appears in the API description (feature `openapi`): its own text, which
//! serde writes with `Display` and reads with `FromStr`.

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use crate::Period;

impl utoipa::PartialSchema for Period {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "A period: a month (2023-05), quarter (2023-Q2), half (2023-H1), year (2023), \
                 year to date (2023-YTD05), months of a year (2023-04..05) or years (2021-2025).",
            ))
            .pattern(Some(
                r"^\d{4}(-(\d{2}|Q[1-4]|H[12]|YTD\d{2}|\d{2}\.\.\d{2})|-\d{4})?$",
            ))
            .examples(["2023-Q2", "2023-YTD05", "2021-2025"])
            .into()
    }
}

impl utoipa::ToSchema for Period {}
