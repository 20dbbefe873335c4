using System.Globalization;

namespace CommonThread.XlsForm.Expressions;

/// <summary>An expression that cannot be read, with where in its text the trouble is.</summary>
public sealed class ExpressionException(string message, int position) : Exception(message)
{
    public int Position => position;
}

/// <summary>
/// Reads the expression language of XLSForm's relevant, constraint, calculation, required and
/// choice_filter columns: <c>${name}</c> references, <c>.</c> for the question's own answer, numbers,
/// quoted strings, <c>or and = != &lt; &lt;= &gt; &gt;= + - * div mod</c>, unary minus, parentheses and the
/// functions of <see cref="XPathFunction.All"/>, with XPath's precedence.
/// </summary>
public static partial class ExpressionParser
{
    /// <summary>Deeper nesting than any real form needs; a longer chain is refused before it can exhaust the stack.</summary>
    private const int MaxDepth = 100;

    public static Expression Parse(string text)
    {
        var reader = new Reader(text);
        var expression = reader.Or(0);
        if (reader.Peek().Kind != TokenKind.End)
        {
            throw new ExpressionException($"Unexpected '{reader.Peek().Text}'.", reader.Peek().Position);
        }

        return expression;
    }

    private enum TokenKind
    {
        Number,
        String,
        Reference,
        Name,
        Symbol,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private sealed class Reader(string text)
    {
        private readonly List<Token> tokens = Tokenise(text);
        private int next;

        public Token Peek() => tokens[next];

        private Token Take() => tokens[next++];

        private bool TakeIf(TokenKind kind, string text)
        {
            if (Peek().Kind == kind && Peek().Text == text)
            {
                next++;
                return true;
            }

            return false;
        }

        public Expression Or(int depth) => LeftAssociative(depth, And, ("or", Operator.Or));

        private Expression And(int depth) => LeftAssociative(depth, Equality, ("and", Operator.And));

        private Expression Equality(int depth) => LeftAssociative(depth, Relational, ("=", Operator.Equal), ("!=", Operator.NotEqual));

        private Expression Relational(int depth) =>
            LeftAssociative(depth, Additive, ("<=", Operator.LessOrEqual), (">=", Operator.GreaterOrEqual), ("<", Operator.Less), (">", Operator.Greater));

        private Expression Additive(int depth) => LeftAssociative(depth, Multiplicative, ("+", Operator.Add), ("-", Operator.Subtract));

        private Expression Multiplicative(int depth) => LeftAssociative(depth, Unary, ("*", Operator.Multiply), ("div", Operator.Divide), ("mod", Operator.Modulo));

        private Expression LeftAssociative(int depth, Func<int, Expression> operand, params (string Text, Operator Op)[] operators)
        {
            if (depth > MaxDepth)
            {
                throw new ExpressionException("The expression is nested too deeply.", Peek().Position);
            }

            var left = operand(depth + 1);
            while (true)
            {
                var token = Peek();
                var match = operators.FirstOrDefault(o => (token.Kind == TokenKind.Symbol || token.Kind == TokenKind.Name) && token.Text == o.Text);
                if (match.Text is null)
                {
                    return left;
                }

                Take();
                left = new Binary(match.Op, left, operand(depth + 1));
            }
        }

        private Expression Unary(int depth) => TakeIf(TokenKind.Symbol, "-") ? new Negation(Unary(depth + 1)) : Primary(depth);

        private Expression Primary(int depth)
        {
            var token = Take();
            switch (token.Kind)
            {
                case TokenKind.Number:
                    return new Literal(XPathValue.Of(double.Parse(token.Text, CultureInfo.InvariantCulture)));
                case TokenKind.String:
                    return new Literal(XPathValue.Of(token.Text));
                case TokenKind.Reference:
                    return new Reference(token.Text);
                case TokenKind.Symbol when token.Text == ".":
                    return new CurrentValue();
                case TokenKind.Symbol when token.Text == "..":
                    throw new ExpressionException("'..' paths are not supported (only in position(..)): refer to questions as ${name}.", token.Position);
                case TokenKind.Symbol when token.Text == "(":
                    var inner = Or(depth + 1);
                    Expect(")");
                    return inner;
                case TokenKind.Name:
                    return Call(token, depth);
                case TokenKind.End:
                    throw new ExpressionException("The expression ends too soon.", token.Position);
                default:
                    throw new ExpressionException($"Unexpected '{token.Text}'.", token.Position);
            }
        }

        private Expression Call(Token name, int depth)
        {
            if (!TakeIf(TokenKind.Symbol, "("))
            {
                return new ChoiceColumnReference(name.Text);
            }

            if (!XPathFunction.All.TryGetValue(name.Text, out var function))
            {
                throw new ExpressionException($"Unknown function '{name.Text}'.", name.Position);
            }

            // position(..) is how forms ask for the current repeat instance's number: ".." is read there and nowhere else.
            if (name.Text == "position" && TakeIf(TokenKind.Symbol, ".."))
            {
                Expect(")");
                return new Call(name.Text, [], function);
            }

            var arguments = new List<Expression>();
            if (!TakeIf(TokenKind.Symbol, ")"))
            {
                do
                {
                    arguments.Add(Or(depth + 1));
                }
                while (TakeIf(TokenKind.Symbol, ","));

                Expect(")");
            }

            if ((arguments.Count - function.MinArguments) % function.ArgumentGroup != 0 && arguments.Count > function.MinArguments)
            {
                throw new ExpressionException($"{name.Text}() takes its arguments after the first {function.MinArguments} in groups of {function.ArgumentGroup}.", name.Position);
            }

            if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
            {
                var expected = function.MinArguments == function.MaxArguments ? $"{function.MinArguments}" : function.MaxArguments == int.MaxValue
                    ? $"at least {function.MinArguments}" : $"{function.MinArguments} to {function.MaxArguments}";
                throw new ExpressionException($"{name.Text}() takes {expected} argument{(expected == "1" ? "" : "s")}, not {arguments.Count}.", name.Position);
            }

            // jr:choice-name(value, '${q}') names its question inside a text, as pyxform writes it.
            if (name.Text == "jr:choice-name" && arguments[1] is Literal { Value: var text } && QuotedReference().Match(text.AsString()) is { Success: true } quoted)
            {
                arguments[1] = new QuestionName(quoted.Groups[1].Value);
            }

            return new Call(name.Text, arguments, function);
        }

        private void Expect(string symbol)
        {
            if (!TakeIf(TokenKind.Symbol, symbol))
            {
                throw new ExpressionException($"Expected '{symbol}' here.", Peek().Position);
            }
        }

        private static List<Token> Tokenise(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    var number = text[start..i];
                    if (number.Count(ch => ch == '.') > 1)
                    {
                        throw new ExpressionException($"'{number}' is not a number.", start);
                    }

                    tokens.Add(new(TokenKind.Number, number, start));
                }
                else if (c is '\'' or '"')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        throw new ExpressionException("A quoted text is not closed.", i);
                    }

                    tokens.Add(new(TokenKind.String, text[(i + 1)..end], i));
                    i = end + 1;
                }
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    var end = text.IndexOf('}', i);
                    if (end < 0)
                    {
                        throw new ExpressionException("A ${…} reference is not closed.", i);
                    }

                    var name = text[(i + 2)..end].Trim();
                    if (name.Length == 0)
                    {
                        throw new ExpressionException("A ${} reference names no question.", i);
                    }

                    tokens.Add(new(TokenKind.Reference, name, i));
                    i = end + 1;
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or ':'))
                    {
                        i++;
                    }

                    tokens.Add(new(TokenKind.Name, text[start..i], start));
                }
                else if (i + 1 < text.Length && text.Substring(i, 2) is "!=" or "<=" or ">=")
                {
                    tokens.Add(new(TokenKind.Symbol, text.Substring(i, 2), i));
                    i += 2;
                }
                else if ("=<>+-*(),.".Contains(c, StringComparison.Ordinal))
                {
                    if (c == '.' && i + 1 < text.Length && text[i + 1] == '.')
                    {
                        tokens.Add(new(TokenKind.Symbol, "..", i));
                        i += 2;
                        continue;
                    }

                    tokens.Add(new(TokenKind.Symbol, c.ToString(), i));
                    i++;
                }
                else if (c == '/')
                {
                    throw new ExpressionException("Paths like /data/question are not supported: refer to questions as ${name}.", i);
                }
                else
                {
                    throw new ExpressionException($"Unexpected character '{c}'.", i);
                }
            }

            tokens.Add(new(TokenKind.End, "", text.Length));
            return tokens;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\$\{\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\s*$")]
    private static partial System.Text.RegularExpressions.Regex QuotedReference();
}
