//! TypeScript → JavaScript, keeping every position. Type-only syntax (annotations, interfaces,
//! type aliases, generics, `as`/`satisfies`/`!`, `import type`, `declare`, overloads, abstract
//! members, modifiers) is blanked out with spaces, as Node's strip mode does, so a stack trace
//! or an uncaught error names the right `file.ts:line:col`. Going beyond Node, `enum`,
//! `namespace` and constructor parameter properties are rewritten in place into the JS that
//! TypeScript would emit, keeping the line count. oxc's parser finds the syntax; nothing here
//! type-checks. Results are cached in memory per file (never written to disk).

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::{GetSpan, SourceType, Span};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A TypeScript syntax error: the parser's message and where it points.
#[derive(Debug, Clone, PartialEq)]
pub struct TsSyntaxError {
    /// The parser's message.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 0-based column (UTF-16 units, as V8 counts).
    pub column: usize,
    /// Length of the offending range (at least 1).
    pub length: usize,
    /// The text of that line.
    pub source_line: String,
}

/// Strip `source` (TypeScript) to JavaScript with the same line and column of every token.
/// `module` parses it as an ES module (`.mts`, `.ts` in a `"type": "module"` package).
pub fn strip_types(source: &str, module: bool) -> Result<String, TsSyntaxError> {
    let allocator = Allocator::default();
    let source_type = SourceType::ts().with_module(module).with_script(!module);
    let parsed = oxc_parser::Parser::new(&allocator, source, source_type).parse();
    if let Some(error) = parsed.diagnostics.first() {
        let offset = error
            .labels
            .first()
            .map(|l| (l.offset() as usize, l.len() as usize))
            .unwrap_or((0, 1));
        return Err(syntax_error(
            source,
            error.message.to_string(),
            offset.0,
            offset.1,
        ));
    }
    let mut edits = Edits {
        source,
        list: Vec::new(),
    };
    edits.visit_program(&parsed.program);
    Ok(edits.apply())
}

fn syntax_error(source: &str, message: String, offset: usize, len: usize) -> TsSyntaxError {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    TsSyntaxError {
        message,
        line: before.matches('\n').count() + 1,
        column: source[line_start..offset].encode_utf16().count(),
        length: len.max(1),
        source_line: source[line_start..line_end]
            .trim_end_matches('\r')
            .to_string(),
    }
}

// ===== edits =====

/// One change to the source: blank a range out, or replace it with text.
struct Edit {
    start: u32,
    end: u32,
    /// `None`: blank (spaces, newlines kept). `Some`: the replacement text.
    text: Option<String>,
}

struct Edits<'s> {
    source: &'s str,
    list: Vec<Edit>,
}

impl Edits<'_> {
    fn blank(&mut self, start: u32, end: u32) {
        if start < end {
            self.list.push(Edit {
                start,
                end,
                text: None,
            });
        }
    }

    fn blank_span(&mut self, span: Span) {
        self.blank(span.start, span.end);
    }

    fn replace(&mut self, start: u32, end: u32, text: String) {
        self.list.push(Edit {
            start,
            end,
            text: Some(text),
        });
    }

    fn insert(&mut self, at: u32, text: String) {
        self.replace(at, at, text);
    }

    fn text(&self, span: Span) -> &str {
        &self.source[span.start as usize..span.end as usize]
    }

    /// Blank the TS-only modifier keywords found in `[start, end)` (the prefix of a class member
    /// or parameter, which holds only modifiers, decorators and `static`/`async`/`get`/`set`).
    fn blank_modifiers(&mut self, start: u32, end: u32) {
        const MODIFIERS: [&str; 7] = [
            "public",
            "private",
            "protected",
            "readonly",
            "override",
            "declare",
            "abstract",
        ];
        let region = &self.source[start as usize..end as usize];
        let bytes = region.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() && (i == 0 || !is_ident_byte(bytes[i - 1])) {
                let word_end = (i..bytes.len())
                    .find(|&j| !is_ident_byte(bytes[j]))
                    .unwrap_or(bytes.len());
                if MODIFIERS.contains(&&region[i..word_end]) {
                    self.blank(start + i as u32, start + word_end as u32);
                }
                i = word_end;
            } else {
                i += 1;
            }
        }
    }

    /// Blank the first `ch` in `[start, end)` (an optional `?` or definite `!` marker).
    fn blank_char(&mut self, start: u32, end: u32, ch: char) {
        if let Some(i) = self.source[start as usize..end as usize].find(ch) {
            let at = start + i as u32;
            self.blank(at, at + 1);
        }
    }

    /// The offset just past a `,` following `at` (skipping white space), or `at`.
    fn past_comma(&self, at: u32) -> u32 {
        let rest = &self.source[at as usize..];
        let skipped = rest.len() - rest.trim_start().len();
        if rest[skipped..].starts_with(',') {
            at + skipped as u32 + 1
        } else {
            at
        }
    }

    /// Apply the edits, outermost first; an edit inside a blanked range is dropped.
    fn apply(mut self) -> String {
        self.list
            .sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let src = self.source;
        let mut out = String::with_capacity(src.len());
        let mut pos = 0usize;
        for edit in &self.list {
            let (start, end) = (edit.start as usize, edit.end as usize);
            if start < pos {
                continue; // nested in an edit already applied
            }
            out.push_str(&src[pos..start]);
            match &edit.text {
                None => blank_into(&mut out, &src[start..end]),
                Some(text) => {
                    out.push_str(text);
                    // Keep the line count: what the replacement lacks in newlines comes after.
                    let lost = src[start..end]
                        .matches('\n')
                        .count()
                        .saturating_sub(text.matches('\n').count());
                    out.extend(std::iter::repeat_n('\n', lost));
                }
            }
            pos = end;
        }
        out.push_str(&src[pos..]);
        out
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Spaces for `text`, one per UTF-16 unit so later columns stay put; line breaks kept.
fn blank_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(ch),
            _ => out.extend(std::iter::repeat_n(' ', ch.len_utf16())),
        }
    }
}

// ===== what is type-only =====

impl<'a> Visit<'a> for Edits<'_> {
    fn visit_statement(&mut self, it: &Statement<'a>) {
        match it {
            Statement::TSTypeAliasDeclaration(_)
            | Statement::TSInterfaceDeclaration(_)
            | Statement::TSExternalModuleDeclaration(_)
            | Statement::TSGlobalDeclaration(_)
            | Statement::TSNamespaceExportDeclaration(_) => self.blank_span(it.span()),
            Statement::VariableDeclaration(d) if d.declare => self.blank_span(it.span()),
            Statement::FunctionDeclaration(f) if f.declare || f.body.is_none() => {
                self.blank_span(it.span())
            }
            Statement::ClassDeclaration(c) if c.declare => self.blank_span(it.span()),
            Statement::TSEnumDeclaration(e) => self.enum_declaration(e),
            Statement::TSNamespaceDeclaration(n) => self.namespace(n),
            Statement::TSImportEqualsDeclaration(d) => self.import_equals(d),
            Statement::TSExportAssignment(a) => {
                // `export = x` → `module.exports = x`
                let expr = a.expression.span();
                self.replace(a.span.start, expr.start, "module.exports = ".to_string());
                self.visit_expression(&a.expression);
            }
            Statement::ImportDeclaration(d) => self.import_declaration(d),
            Statement::ExportNamedDeclaration(d) => {
                if d.export_kind.is_type() {
                    self.blank_span(d.span);
                } else {
                    self.type_specifiers(
                        d.specifiers
                            .iter()
                            .map(|s| (s.span, s.export_kind.is_type())),
                    );
                }
            }
            Statement::ExportFromDeclaration(d) => {
                if d.export_kind.is_type() {
                    self.blank_span(d.span);
                } else {
                    self.type_specifiers(
                        d.specifiers
                            .iter()
                            .map(|s| (s.span, s.export_kind.is_type())),
                    );
                }
            }
            Statement::ExportAllDeclaration(d) if d.export_kind.is_type() => {
                self.blank_span(d.span)
            }
            Statement::ExportDeclaration(d) => self.export_declaration(d, None),
            _ => walk::walk_statement(self, it),
        }
    }

    fn visit_ts_type_annotation(&mut self, it: &TSTypeAnnotation<'a>) {
        self.blank_span(it.span);
    }

    fn visit_ts_type_parameter_declaration(&mut self, it: &TSTypeParameterDeclaration<'a>) {
        self.blank_span(it.span);
    }

    fn visit_ts_type_parameter_instantiation(&mut self, it: &TSTypeParameterInstantiation<'a>) {
        self.blank_span(it.span);
    }

    fn visit_ts_as_expression(&mut self, it: &TSAsExpression<'a>) {
        self.blank(it.expression.span().end, it.span.end);
        self.visit_expression(&it.expression);
    }

    fn visit_ts_satisfies_expression(&mut self, it: &TSSatisfiesExpression<'a>) {
        self.blank(it.expression.span().end, it.span.end);
        self.visit_expression(&it.expression);
    }

    fn visit_ts_non_null_expression(&mut self, it: &TSNonNullExpression<'a>) {
        self.blank(it.expression.span().end, it.span.end);
        self.visit_expression(&it.expression);
    }

    fn visit_ts_type_assertion(&mut self, it: &TSTypeAssertion<'a>) {
        // `<T>expr`
        self.blank(it.span.start, it.expression.span().start);
        self.visit_expression(&it.expression);
    }

    fn visit_ts_instantiation_expression(&mut self, it: &TSInstantiationExpression<'a>) {
        self.blank_span(it.type_arguments.span);
        self.visit_expression(&it.expression);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        if let Some(this_param) = &it.this_param {
            let end = self.past_comma(this_param.span.end);
            self.blank(this_param.span.start, end);
        }
        walk::walk_function(self, it, flags);
    }

    fn visit_formal_parameter(&mut self, it: &FormalParameter<'a>) {
        let pattern = it.pattern.span();
        if it.accessibility.is_some() || it.readonly || it.r#override {
            self.blank_modifiers(it.span.start, pattern.start);
        }
        if it.optional {
            let end = it
                .type_annotation
                .as_ref()
                .map(|t| t.span.start)
                .or_else(|| it.initializer.as_ref().map(|i| i.span().start))
                .unwrap_or(it.span.end);
            self.blank_char(pattern.end, end, '?');
        }
        walk::walk_formal_parameter(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if it.definite
            && let Some(t) = &it.type_annotation
        {
            self.blank_char(it.id.span().end, t.span.start, '!');
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_class(&mut self, it: &Class<'a>) {
        if it.r#abstract {
            let class_kw = self
                .text(it.span)
                .find("class")
                .map_or(it.span.start, |i| it.span.start + i as u32);
            self.blank_modifiers(it.span.start, class_kw);
        }
        if let (Some(first), Some(last)) = (it.implements.first(), it.implements.last()) {
            let head = &self.source[..first.span.start as usize];
            if let Some(kw) = head.rfind("implements") {
                self.blank(kw as u32, last.span.end);
            }
        }
        for element in &it.body.body {
            self.class_element(element, it.heritage.is_some(), it.body.span.start + 1);
        }
        if let Some(tp) = &it.type_parameters {
            self.blank_span(tp.span);
        }
        if let Some(heritage) = &it.heritage {
            self.visit_expression(&heritage.expression);
            if let Some(args) = &heritage.type_arguments {
                self.blank_span(args.span);
            }
        }
    }
}

// ===== statements with their own rules =====

impl Edits<'_> {
    fn import_declaration(&mut self, d: &ImportDeclaration) {
        if d.import_kind.is_type() {
            self.blank_span(d.span);
            return;
        }
        let Some(specifiers) = &d.specifiers else {
            return;
        };
        let typed: Vec<(Span, bool)> = specifiers
            .iter()
            .map(|s| match s {
                ImportDeclarationSpecifier::ImportSpecifier(s) => (s.span, s.import_kind.is_type()),
                other => (other.span(), false),
            })
            .collect();
        // `import { type A } from 'x'` imports nothing at run time but still loads the module.
        self.type_specifiers(typed.into_iter());
    }

    /// Blank `type X` specifiers (and their commas) inside `{ … }` lists.
    fn type_specifiers(&mut self, specifiers: impl Iterator<Item = (Span, bool)>) {
        for (span, is_type) in specifiers {
            if is_type {
                let end = self.past_comma(span.end);
                self.blank(span.start, end);
            }
        }
    }

    fn import_equals(&mut self, d: &TSImportEqualsDeclaration) {
        if d.import_kind.is_type() {
            self.blank_span(d.span);
            return;
        }
        let target = match &d.module_reference {
            TSModuleReference::ExternalModuleReference(r) => {
                format!("require({})", self.text(r.expression.span))
            }
            other => self.text(other.span()).to_string(),
        };
        self.replace(
            d.span.start,
            d.span.end,
            format!("var {} = {};", d.id.name, target),
        );
    }

    /// `export <declaration>`; inside a namespace `ns` the export becomes `ns.x = x`.
    fn export_declaration(&mut self, d: &ExportDeclaration, ns: Option<&str>) {
        let decl = &d.declaration;
        let type_only = match decl {
            Declaration::TSTypeAliasDeclaration(_) | Declaration::TSInterfaceDeclaration(_) => true,
            Declaration::VariableDeclaration(v) => v.declare,
            Declaration::FunctionDeclaration(f) => f.declare || f.body.is_none(),
            Declaration::ClassDeclaration(c) => c.declare,
            Declaration::TSEnumDeclaration(e) => e.declare,
            Declaration::TSNamespaceDeclaration(n) => n.declare,
            Declaration::TSExternalModuleDeclaration(_) | Declaration::TSGlobalDeclaration(_) => {
                true
            }
            _ => false,
        };
        if type_only {
            self.blank_span(d.span);
            return;
        }
        if let Some(ns) = ns {
            // Inside a namespace: drop `export`, then assign the names onto the namespace object.
            self.blank(d.span.start, decl.span().start);
            let names = declared_names(decl);
            let mut assign = String::new();
            for name in names {
                let _ = write!(assign, " {ns}.{name} = {name};");
            }
            self.insert(decl.span().end, assign);
        }
        match decl {
            Declaration::TSEnumDeclaration(e) => self.enum_declaration(e),
            Declaration::TSNamespaceDeclaration(n) => self.namespace(n),
            Declaration::TSImportEqualsDeclaration(i) => self.import_equals(i),
            _ => walk::walk_declaration(self, decl),
        }
    }

    fn class_element(&mut self, element: &ClassElement, derived: bool, body_start: u32) {
        match element {
            ClassElement::TSIndexSignature(s) => self.blank_span(s.span),
            ClassElement::MethodDefinition(m) => {
                if m.r#type.is_abstract() || m.value.body.is_none() {
                    self.blank_span(m.span);
                    return;
                }
                let key = m.key.span();
                self.blank_modifiers(m.span.start, key.start);
                if m.optional {
                    self.blank_char(key.end, m.value.params.span.start, '?');
                }
                if m.kind == MethodDefinitionKind::Constructor {
                    self.parameter_properties(&m.value, derived, body_start);
                }
                if m.computed {
                    self.visit_property_key(&m.key);
                }
                self.visit_function(&m.value, oxc_syntax::scope::ScopeFlags::empty());
            }
            ClassElement::PropertyDefinition(p) => {
                if p.r#type.is_abstract() || p.declare {
                    self.blank_span(p.span);
                    return;
                }
                let key = p.key.span();
                self.blank_modifiers(p.span.start, key.start);
                let marker_end = p
                    .type_annotation
                    .as_ref()
                    .map(|t| t.span.start)
                    .or_else(|| p.value.as_ref().map(|v| v.span().start))
                    .unwrap_or(p.span.end);
                if p.optional {
                    self.blank_char(key.end, marker_end, '?');
                }
                if p.definite {
                    self.blank_char(key.end, marker_end, '!');
                }
                if p.computed {
                    self.visit_property_key(&p.key);
                }
                if let Some(t) = &p.type_annotation {
                    self.blank_span(t.span);
                }
                if let Some(v) = &p.value {
                    self.visit_expression(v);
                }
            }
            ClassElement::AccessorProperty(a) => {
                if a.r#type.is_abstract() {
                    self.blank_span(a.span);
                    return;
                }
                let key = a.key.span();
                self.blank_modifiers(a.span.start, key.start);
                if a.definite {
                    let end = a
                        .type_annotation
                        .as_ref()
                        .map_or(a.span.end, |t| t.span.start);
                    self.blank_char(key.end, end, '!');
                }
                if let Some(t) = &a.type_annotation {
                    self.blank_span(t.span);
                }
                if let Some(v) = &a.value {
                    self.visit_expression(v);
                }
            }
            ClassElement::StaticBlock(b) => self.visit_static_block(b),
        }
    }

    /// `constructor(private x: number)` → a field `x;` first in the class body (TypeScript's
    /// emit with define semantics, which fixes the order of own keys) and `this.x = x;` at the
    /// start of the constructor (after `super()` in a derived class).
    fn parameter_properties(&mut self, ctor: &Function, derived: bool, body_start: u32) {
        let names: Vec<&str> = ctor
            .params
            .items
            .iter()
            .filter(|p| p.accessibility.is_some() || p.readonly || p.r#override)
            .filter_map(|p| match &p.pattern {
                BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                BindingPattern::AssignmentPattern(a) => match &a.left {
                    BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let Some(body) = &ctor.body else { return };
        if names.is_empty() {
            return;
        }
        let fields: String = names.iter().map(|n| format!(" {n};")).collect();
        self.insert(body_start, fields);
        let assignments: String = names.iter().map(|n| format!(" this.{n} = {n};")).collect();
        let super_call = derived
            .then(|| {
                body.statements.iter().find(|s| match s {
                    Statement::ExpressionStatement(e) => matches!(
                        &e.expression,
                        Expression::CallExpression(c) if matches!(c.callee, Expression::Super(_))
                    ),
                    _ => false,
                })
            })
            .flatten();
        let at = super_call.map_or(body.span.start + 1, |s| s.span().end);
        self.insert(at, assignments);
    }

    /// `enum E { A, B = 5, C = "c" }` → `var E; (function (E) { … })(E || (E = {}));`
    fn enum_declaration(&mut self, e: &TSEnumDeclaration) {
        if e.declare {
            self.blank_span(e.span);
            return;
        }
        let name = e.id.name.as_str();
        let mut body = String::new();
        let mut previous: Option<String> = None;
        for member in &e.body.members {
            let key = match &member.id {
                TSEnumMemberName::Identifier(id) => id.name.to_string(),
                TSEnumMemberName::String(s) | TSEnumMemberName::ComputedString(s) => {
                    s.value.to_string()
                }
                TSEnumMemberName::ComputedTemplateString(t) => {
                    self.text(t.span).trim_matches('`').to_string()
                }
            };
            let key_js = format!("{key:?}");
            match &member.initializer {
                Some(Expression::StringLiteral(s)) => {
                    let _ = write!(body, " {name}[{key_js}] = {};", self.text(s.span));
                    previous = None;
                }
                Some(init) => {
                    let value = format!("({})", self.text(init.span()));
                    let _ = write!(body, " {name}[{name}[{key_js}] = {value}] = {key_js};");
                    previous = Some(format!("{name}[{key_js}]"));
                }
                None => {
                    let value = previous
                        .as_ref()
                        .map_or("0".to_string(), |p| format!("{p} + 1"));
                    let _ = write!(body, " {name}[{name}[{key_js}] = {value}] = {key_js};");
                    previous = Some(format!("{name}[{key_js}]"));
                }
            }
        }
        // The span starts at `enum` (or `const`), so an `export` before it stays.
        let start = e.span.start;
        self.replace(
            start,
            e.span.end,
            format!("var {name}; (function ({name}) {{{body} }})({name} || ({name} = {{}}));"),
        );
    }

    /// `namespace A.B { export const x = 1 }` → nested IIFEs assigning the exports.
    fn namespace(&mut self, n: &TSNamespaceDeclaration) {
        if n.declare {
            self.blank_span(n.span);
            return;
        }
        // Collect the dotted names down to the block.
        let mut names = vec![n.id.name.as_str()];
        let mut body = &n.body;
        while let TSNamespaceDeclarationBody::TSNamespaceDeclaration(inner) = body {
            names.push(inner.id.name.as_str());
            body = &inner.body;
        }
        let TSNamespaceDeclarationBody::TSModuleBlock(block) = body else {
            return;
        };
        let mut head = String::new();
        let mut tail = String::new();
        for (i, name) in names.iter().enumerate() {
            if i == 0 {
                let _ = write!(head, "var {name}; (function ({name}) {{");
                tail = format!("}})({name} || ({name} = {{}}));{tail}");
            } else {
                let parent = names[i - 1];
                let _ = write!(head, " let {name}; (function ({name}) {{");
                tail = format!("}})({name} = {parent}.{name} || ({parent}.{name} = {{}})); {tail}");
            }
        }
        self.replace(n.span.start, block.span.start + 1, head);
        self.replace(block.span.end - 1, block.span.end, tail);
        let inner = names.last().copied().unwrap_or("");
        for statement in &block.body {
            match statement {
                Statement::ExportDeclaration(d) => self.export_declaration(d, Some(inner)),
                other => self.visit_statement(other),
            }
        }
    }
}

/// Names a declaration binds (for `ns.x = x` after an exported declaration in a namespace).
fn declared_names<'a>(decl: &'a Declaration) -> Vec<&'a str> {
    match decl {
        Declaration::VariableDeclaration(v) => v
            .declarations
            .iter()
            .filter_map(|d| match &d.id {
                BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                _ => None,
            })
            .collect(),
        Declaration::FunctionDeclaration(f) => f.id.iter().map(|id| id.name.as_str()).collect(),
        Declaration::ClassDeclaration(c) => c.id.iter().map(|id| id.name.as_str()).collect(),
        Declaration::TSEnumDeclaration(e) => vec![e.id.name.as_str()],
        Declaration::TSNamespaceDeclaration(n) => vec![n.id.name.as_str()],
        _ => Vec::new(),
    }
}

// ===== natives for stdlib-js (binding.runtime.stripTypeScript) =====

/// `stripTypeScript(source, filename, isModule)` → JavaScript with the same positions. A syntax
/// error is thrown as a SyntaxError whose uncaught report points into the `.ts` file.
pub(crate) fn js_strip_typescript(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(source) = crate::native::arg_string(scope, &args, 0, "source") else {
        return;
    };
    let Some(filename) = crate::native::arg_string(scope, &args, 1, "filename") else {
        return;
    };
    let module = args.get(2).is_true();
    let result = crate::state::state(scope)
        .borrow_mut()
        .ts_cache
        .strip(&filename, &source, module);
    match result {
        Ok(js) => rv.set(crate::native::js_string(scope, &js).into()),
        Err(e) => {
            let message = crate::native::js_string(scope, &e.message);
            let error = v8::Exception::syntax_error(scope, message);
            let caret = " ".repeat(e.column) + &"^".repeat(e.length);
            let arrow = format!("{filename}:{}\n{}\n{caret}\n", e.line, e.source_line);
            crate::errors::decorate_arrow(scope, error, &arrow);
            scope.throw_exception(error);
        }
    }
}

// ===== cache =====

/// Stripped output per file, keyed by the source's hash so an edited file is redone.
#[derive(Default)]
pub(crate) struct Cache {
    /// filename → (hash of source and mode, stripped output).
    entries: HashMap<String, (u64, String)>,
}

impl Cache {
    pub fn strip(
        &mut self,
        filename: &str,
        source: &str,
        module: bool,
    ) -> Result<String, TsSyntaxError> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        source.hash(&mut h);
        module.hash(&mut h);
        let key = h.finish();
        if let Some((k, out)) = self.entries.get(filename)
            && *k == key
        {
            return Ok(out.clone());
        }
        let out = strip_types(source, module)?;
        self.entries
            .insert(filename.to_string(), (key, out.clone()));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::strip_types;

    fn strip(src: &str) -> String {
        strip_types(src, true).unwrap()
    }

    #[test]
    fn annotations_are_blanked_in_place() {
        assert_eq!(strip("let x: number = 1;"), "let x         = 1;");
        assert_eq!(
            strip("function f<T>(a: T, b?: string): T { return a; }"),
            "function f   (a   , b         )    { return a; }"
        );
        let src = "const y = (z as any)!.w satisfies object;";
        let out = strip(src);
        assert_eq!(out.len(), src.len());
        assert_eq!(out, format!("const y = (z       ) .w{};", " ".repeat(17)));
    }

    #[test]
    fn type_declarations_vanish_keeping_lines() {
        let out = strip(
            "interface A {\n  x: number;\n}\ntype B = A;\nexport type { A };\nconsole.log(1);",
        );
        assert_eq!(out.lines().count(), 6);
        assert_eq!(out.lines().last(), Some("console.log(1);"));
        assert!(out.lines().take(5).all(|l| l.trim().is_empty()));
    }

    #[test]
    fn class_modifiers_and_parameter_properties() {
        let out = strip(
            "class P extends Q implements R {\n  private readonly a?: number;\n  constructor(public x: number) { super(); }\n  abstract m(): void;\n}",
        );
        assert!(out.contains("class P extends Q"));
        assert!(!out.contains("implements"));
        assert!(out.contains("super(); this.x = x;"));
        assert!(!out.contains("private") && !out.contains("abstract"));
        assert_eq!(out.lines().count(), 5);
    }

    #[test]
    fn enums_and_namespaces_become_javascript() {
        let out = strip(
            "enum Color { Red, Green = 5, Blue, Name = \"n\" }\nnamespace NS { export const v = 1; }",
        );
        assert!(out.contains("Color[Color[\"Red\"] = 0] = \"Red\""));
        assert!(out.contains("Color[Color[\"Blue\"] = Color[\"Green\"] + 1] = \"Blue\""));
        assert!(out.contains("Color[\"Name\"] = \"n\""));
        assert!(out.contains("NS.v = v;"));
    }

    #[test]
    fn syntax_errors_point_at_the_source() {
        let err = strip_types("let a = 1;\nlet b: = 2;", true).unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.source_line, "let b: = 2;");
    }
}
