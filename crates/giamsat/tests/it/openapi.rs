//! The API description: every route the router serves is described, with the methods it
//! answers, and the description is valid OpenAPI 3.1 whose schemas are valid JSON Schema.

use std::collections::BTreeSet;

use giamsat_app::SqlStore;
use serde_json::Value;

use crate::TestServer;

/// The OpenAPI 3.1 schema of the OpenAPI Initiative (2022-10-07, Apache-2.0), as
/// openapi-spec-validator ships it.
const OAS_31_SCHEMA: &str = include_str!("oas-3.1-schema.json");

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

#[tokio::test]
async fn every_api_route_is_described_with_the_methods_it_answers() {
    let server = TestServer::start(false).await;
    let (status, spec) = server.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    let described = spec["paths"].as_object().expect("paths");
    let served: BTreeSet<String> = giamsat_web::api_paths::<SqlStore>().into_iter().collect();
    let undescribed: Vec<&String> = served
        .iter()
        .filter(|p| !described.contains_key(*p))
        .collect();
    assert!(
        undescribed.is_empty(),
        "routes under /api/v1 with no description: add #[utoipa::path] to their handlers \
         and list them in crates/giamsat-web/src/api/openapi.rs: {undescribed:?}"
    );
    let unserved: Vec<&String> = described.keys().filter(|p| !served.contains(*p)).collect();
    assert!(
        unserved.is_empty(),
        "described but not served: {unserved:?}"
    );
    // The methods each path answers (anything but 405) are the ones described. A path's
    // parameters are given a value no record has; no request carries a body, so none writes.
    for path in &served {
        let url = server.url(&fill_parameters(path));
        for method in METHODS {
            let response = server
                .client
                .request(method.to_uppercase().parse().expect("method"), &url)
                .send()
                .await
                .expect("request");
            let answered = response.status().as_u16() != 405;
            let is_described = described[path].get(method).is_some();
            assert_eq!(
                answered,
                is_described,
                "{} {path}: {} but {}",
                method.to_uppercase(),
                if answered { "served" } else { "not served" },
                if is_described {
                    "described"
                } else {
                    "not described"
                }
            );
        }
    }
}

/// `/api/v1/tasks/{id}` as `/api/v1/tasks/999999`.
fn fill_parameters(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        out.push_str("999999");
        rest = rest[start..].split_once('}').map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn the_description_is_valid_openapi_3_1() {
    let spec: Value = serde_json::from_str(giamsat_web::description_json()).expect("json");
    let meta: Value = serde_json::from_str(OAS_31_SCHEMA).expect("meta-schema");
    let validator = jsonschema::validator_for(&meta).expect("the meta-schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&spec)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "not OpenAPI 3.1: {errors:#?}");
    // Each schema is JSON Schema 2020-12 (the meta-schema above leaves schemas unchecked).
    for (name, schema) in spec["components"]["schemas"].as_object().expect("schemas") {
        assert!(
            jsonschema::draft202012::meta::is_valid(schema),
            "{name} is not a valid JSON Schema: {schema}"
        );
    }
    // Every reference resolves.
    let mut refs = Vec::new();
    collect_refs(&spec, &mut refs);
    assert!(refs.len() > 50, "{}", refs.len());
    for r in refs {
        let pointer = r.strip_prefix('#').expect("a local reference");
        assert!(spec.pointer(pointer).is_some(), "{r} resolves to nothing");
    }
    // What a client needs to rely on: required fields, enums, formats, examples, the error
    // body, and both ways to authenticate.
    let schemas = &spec["components"]["schemas"];
    assert!(
        schemas["PersonInput"]["required"]
            .as_array()
            .expect("required")
            .contains(&Value::from("name"))
    );
    assert_eq!(
        schemas["TaskStatus"]["enum"].as_array().map(Vec::len),
        Some(5),
        "{}",
        schemas["TaskStatus"]
    );
    assert_eq!(
        schemas["SessionView"]["properties"]["date"]["format"],
        "date"
    );
    assert!(schemas["ErrorBody"]["example"].is_object());
    assert!(
        schemas["ErrorCode"]["enum"]
            .as_array()
            .expect("codes")
            .contains(&Value::from("invalid_input"))
    );
    let schemes = spec["components"]["securitySchemes"]
        .as_object()
        .expect("schemes");
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["session"]["in"], "cookie");
    let create_unit = &spec["paths"]["/api/v1/units"]["post"];
    assert_eq!(
        create_unit["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/UnitView"
    );
    assert_eq!(
        create_unit["responses"]["422"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    assert_eq!(
        spec["paths"]["/api/v1/openapi.json"]["get"]["security"],
        serde_json::json!([{}])
    );
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r.clone());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// The fields the description calls required are those an empty input is refused for.
#[tokio::test]
async fn the_required_fields_described_are_those_the_server_requires() {
    let server = TestServer::start(true).await;
    let spec: Value = serde_json::from_str(giamsat_web::description_json()).expect("json");
    let schema_of = |path: &str| -> String {
        let reference = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]
            ["schema"]["$ref"]
            .as_str()
            .unwrap_or_else(|| panic!("{path} has no JSON body"));
        reference.rsplit('/').next().expect("name").to_owned()
    };
    for path in [
        "/api/v1/units",
        "/api/v1/indicators",
        "/api/v1/documents",
        "/api/v1/targets",
        "/api/v1/observations",
        "/api/v1/scorecards",
        "/api/v1/tasks",
        "/api/v1/sessions",
        "/api/v1/visits",
        "/api/v1/recommendations",
    ] {
        let (status, body) = server.post_json(path, serde_json::json!({})).await;
        assert_eq!(status, 422, "{path}: {body}");
        let mut refused: BTreeSet<&str> = body["error"]["details"]
            .as_array()
            .expect("details")
            .iter()
            .filter(|d| d["code"] == "required")
            .filter_map(|d| d["field"].as_str())
            .collect();
        // A task's title is required only of a task from a document.
        if path == "/api/v1/tasks" {
            refused.remove("title");
        }
        let name = schema_of(path);
        let described: BTreeSet<&str> = spec["components"]["schemas"][&name]["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(described, refused, "{path} ({name})");
    }
}
