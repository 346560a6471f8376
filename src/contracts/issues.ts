/**
 * A zod issue in words, in Vietnamese and English: the server puts it in a 400 naming the field
 * (platform/errors.ts), the web shows it under the field before anything is sent (web/ui/form.ts),
 * so a person reads the same sentence either way.
 */

/**
 * @param code the issue's code (`too_small`, `invalid_format`, …)
 * @param message zod's message; a schema's own "vi|en" message is used as it is
 * @param params the rest of the issue (origin, minimum, maximum, format, values, keys, expected)
 */
export function issueMessage(code: string, message: string, params: Record<string, unknown>): { vi: string; en: string } {
  const p = params;
  const [vi, en] = ((): [string, string] => {
    // A schema's own "vi|en" message (refinements, patterns, a minimum that needs explaining) says
    // it best. Recognised by its Vietnamese first half: zod's own messages can hold '|' too
    // ('expected one of "a"|"b"').
    const own = message.split('|');
    if (own.length === 2 && /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(own[0]!)) {
      return [own[0]!, own[1]!];
    }
    switch (code) {
      case 'invalid_type':
        // zod 4 does not carry the input; its message says "received undefined" when nothing was
        // sent, "received null" when a form's choice was left empty.
        if (/received (undefined|null)/.test(message)) return ['bắt buộc phải nhập', 'is required'];
        return [`sai kiểu dữ liệu (cần ${String(p.expected)})`, `wrong type (expected ${String(p.expected)})`];
      case 'too_small':
        if (p.origin === 'string')
          return Number(p.minimum) <= 1
            ? ['không được để trống', 'must not be empty']
            : [`phải có ít nhất ${String(p.minimum)} ký tự`, `must have at least ${String(p.minimum)} characters`];
        if (p.origin === 'array') return [`phải có ít nhất ${String(p.minimum)} phần tử`, `must have at least ${String(p.minimum)} items`];
        return [`phải lớn hơn hoặc bằng ${String(p.minimum)}`, `must be at least ${String(p.minimum)}`];
      case 'too_big':
        if (p.origin === 'string') return [`dài quá ${String(p.maximum)} ký tự`, `must have at most ${String(p.maximum)} characters`];
        if (p.origin === 'array') return [`có quá ${String(p.maximum)} phần tử`, `must have at most ${String(p.maximum)} items`];
        return [`phải nhỏ hơn hoặc bằng ${String(p.maximum)}`, `must be at most ${String(p.maximum)}`];
      case 'invalid_format':
        if (p.format === 'uuid') return ['mã định danh không hợp lệ', 'is not a valid id'];
        if (p.format === 'date') return ['ngày không hợp lệ (định dạng YYYY-MM-DD)', 'is not a valid date (YYYY-MM-DD)'];
        if (p.format === 'email') return ['địa chỉ thư điện tử không hợp lệ', 'is not a valid e-mail address'];
        return [`sai định dạng (${String(p.format)})`, `has the wrong format (${String(p.format)})`];
      case 'invalid_value':
        return [
          `giá trị không được chấp nhận (chọn một trong: ${(p.values as unknown[] | undefined)?.join(', ') ?? ''})`,
          `is not an accepted value (one of: ${(p.values as unknown[] | undefined)?.join(', ') ?? ''})`,
        ];
      case 'invalid_union': {
        // A discriminated union (e.g. a workflow action): name the accepted values.
        const values = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]).join(', ');
        return values
          ? [`giá trị không được chấp nhận (chọn một trong: ${values})`, `is not an accepted value (one of: ${values})`]
          : ['giá trị không hợp lệ', 'is not valid'];
      }
      case 'unrecognized_keys':
        return [
          `có trường không được phép: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}`,
          `has unknown fields: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}`,
        ];
      case 'custom':
        return [message, message];
      default:
        return [message, message];
    }
  })();
  return { vi, en };
}
