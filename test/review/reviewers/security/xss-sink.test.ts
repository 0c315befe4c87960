import { xssSink } from "../../../../src/review/reviewers/security/xss-sink.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/xss-sink", () => {
  it("flags innerHTML/outerHTML built from data, with higher confidence for URL input", () => {
    const findings = reviewSnippet(xssSink, "src/ui.js", `
 function render(el, user) {
+  el.innerHTML = \`<b>\${user.name}</b>\`;
+  el.outerHTML = "<p>" + location.hash.slice(1) + "</p>";
+  el.innerHTML += user.bio;
 }`);
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(findings[0]).toMatchObject({ rule: "security/xss-sink", severity: "warning", confidence: 0.6 });
    expect(findings[1].confidence).toBe(0.8);
    expect(findings[2].confidence).toBeLessThan(0.5);
    expect(findings[0].message).toContain("textContent");
  });

  it("flags insertAdjacentHTML and document.write", () => {
    const findings = reviewSnippet(xssSink, "src/ui.ts", `
+list.insertAdjacentHTML("beforeend", \`<li>\${item.title}</li>\`);
+document.write("<script src='" + params.get("src") + "'></script>");`);
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
  });

  it("flags dangerouslySetInnerHTML with non-constant markup", () => {
    const findings = reviewSnippet(xssSink, "src/Comment.tsx", `
 export function Comment({ body }: { body: string }) {
+  return <div dangerouslySetInnerHTML={{ __html: marked(body) }} />;
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(2);
    expect(findings[0].message).toContain("DOMPurify.sanitize");
  });

  it("ignores constants, escaped or sanitized values, numbers and copied markup", () => {
    expect(reviewSnippet(xssSink, "src/ui.js", `
 const ICON = "<svg></svg>";
+el.innerHTML = "";
+el.innerHTML = ICON;
+el.innerHTML = \`<i>\${escapeHtml(name)}</i> \${count} items\`;
+el.innerHTML = DOMPurify.sanitize(html);
+el.innerHTML = other.innerHTML;
+el.innerHTML = total.toFixed(2);
+el.textContent = user.name;
+document.body.insertAdjacentHTML("beforeend", "<hr>");
+logger.write(line);`)).toEqual([]);
  });

  it("ignores sanitized React markup and unchanged sinks", () => {
    expect(reviewSnippet(xssSink, "src/Post.jsx", `
 el.innerHTML = html;
+const Post = ({ html }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
+const Static = () => <div dangerouslySetInnerHTML={{ __html: "<br/>" }} />;`)).toEqual([]);
  });
});
