/** Wraps every HTML body: brand header, content, support footer. */
export const htmlLayout = `<!DOCTYPE html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;">
<tr><td style="padding:20px 32px;border-bottom:1px solid #e4e7eb;font-size:18px;font-weight:bold;">
{{#if brand.logoCid}}<img src="cid:{{brand.logoCid}}" alt="{{brand.name}}" style="display:block;max-height:56px;max-width:220px;margin-bottom:8px;border:0;">{{/if}}
{{brand.name}}</td></tr>
<tr><td style="padding:24px 32px;font-size:15px;line-height:1.5;">
{{> @partial-block}}
</td></tr>
{{#if support}}
<tr><td style="padding:16px 32px;border-top:1px solid #e4e7eb;font-size:13px;color:#616e7c;">
{{t "mail.questions"}} {{support.company}} &middot; <a href="mailto:{{support.email}}">{{support.email}}</a> &middot; {{support.phone}}
{{#if support.website}} &middot; <a href="{{support.website}}">{{support.website}}</a>{{/if}}
{{#if support.hours}}<br>{{support.hours}}{{/if}}
</td></tr>
{{/if}}
</table>
</td></tr></table>
</body>
</html>
`;

/** Closes every plain-text body. */
export const textSignature = `-- 
{{brand.name}}
{{#if support}}
{{t "mail.questions"}} {{support.company}}, {{support.email}}, {{support.phone}}
{{#if support.website}}{{support.website}}
{{/if}}
{{#if support.hours}}{{support.hours}}
{{/if}}
{{/if}}`;
